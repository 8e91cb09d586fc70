package dev.novatrace.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A check string of oslo.policy's language, parsed as its {@code _parser} does: {@code @}
 * (always), {@code !} (never), {@code KIND:MATCH} checks ({@code rule:}, {@code role:}, and
 * generic ones such as {@code project_id:%(project_id)s}), {@code not}, {@code and}, {@code or}
 * and parentheses, with {@code not} binding tightest and {@code and} before {@code or}. An empty
 * string is always true; a string oslo.policy cannot understand is never true, as it fails
 * closed.
 */
sealed interface PolicyCheck {

  /** {@code @}, and the empty check string. */
  record Always() implements PolicyCheck {}

  /** {@code !}, and whatever oslo.policy fails to understand. */
  record Never() implements PolicyCheck {}

  /** {@code rule:NAME}: another rule's verdict. */
  record Rule(String name) implements PolicyCheck {}

  /** {@code role:NAME}: the token carries the role. */
  record Role(String match) implements PolicyCheck {}

  /** {@code KIND:MATCH}, oslo.policy's GenericCheck (and http checks, which fail here). */
  record Generic(String kind, String match) implements PolicyCheck {}

  record Not(PolicyCheck check) implements PolicyCheck {}

  record And(List<PolicyCheck> checks) implements PolicyCheck {
    public And {
      checks = List.copyOf(checks);
    }
  }

  record Or(List<PolicyCheck> checks) implements PolicyCheck {
    public Or {
      checks = List.copyOf(checks);
    }
  }

  PolicyCheck ALWAYS = new Always();
  PolicyCheck NEVER = new Never();

  /** The check {@code text} stands for. */
  static PolicyCheck parse(String text) {
    if (text == null || text.isBlank()) {
      return ALWAYS; // oslo.policy: an empty rule always passes
    }
    Parser p = new Parser(tokens(text));
    PolicyCheck out = p.or();
    // Anything left over is a rule the shift-reduce parser cannot reduce to one check.
    return out == null || p.at < p.tokens.size() ? NEVER : out;
  }

  /** One token: {@code (}, {@code )}, {@code and}, {@code or}, {@code not}, or a check. */
  record Token(String kind, PolicyCheck check) {}

  /**
   * oslo.policy's tokenizer: split on whitespace, leading {@code (} and trailing {@code )} of
   * each word are tokens of their own; a quoted word is a string, which no rule takes.
   */
  private static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    for (String word : text.strip().split("\\s+")) {
      String tok = word;
      int lead = 0;
      while (lead < tok.length() && tok.charAt(lead) == '(') {
        out.add(new Token("(", null));
        lead++;
      }
      tok = tok.substring(lead);
      if (tok.isEmpty()) {
        continue;
      }
      int end = tok.length();
      while (end > 0 && tok.charAt(end - 1) == ')') {
        end--;
      }
      String clean = tok.substring(0, end);
      String lower = clean.toLowerCase(Locale.ROOT);
      if (lower.equals("and") || lower.equals("or") || lower.equals("not")) {
        out.add(new Token(lower, null));
      } else if (!clean.isEmpty()) {
        boolean quoted = tok.length() >= 2 && (tok.charAt(0) == '"' || tok.charAt(0) == '\'')
            && tok.charAt(tok.length() - 1) == tok.charAt(0);
        out.add(quoted ? new Token("string", null) : new Token("check", check(clean)));
      }
      for (int i = end; i < tok.length(); i++) {
        out.add(new Token(")", null));
      }
    }
    return out;
  }

  /** oslo.policy's {@code _parse_check}: one {@code KIND:MATCH}. */
  private static PolicyCheck check(String rule) {
    if (rule.equals("!")) {
      return NEVER;
    }
    if (rule.equals("@")) {
      return ALWAYS;
    }
    int colon = rule.indexOf(':');
    if (colon < 0) {
      return NEVER; // fails closed
    }
    String kind = rule.substring(0, colon);
    String match = rule.substring(colon + 1);
    return switch (kind) {
      case "rule" -> new Rule(match);
      case "role" -> new Role(match);
      default -> new Generic(kind, match);
    };
  }

  /**
   * Recursive descent with the precedence oslo.policy's reducers give: {@code a or b and c} is
   * {@code a or (b and c)}, {@code not a and b} is {@code (not a) and b}.
   */
  final class Parser {
    private final List<Token> tokens;
    private int at;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    PolicyCheck or() {
      List<PolicyCheck> parts = new ArrayList<>();
      PolicyCheck first = and();
      if (first == null) {
        return null;
      }
      parts.add(first);
      while (peek("or")) {
        at++;
        PolicyCheck next = and();
        if (next == null) {
          return null;
        }
        parts.add(next);
      }
      return parts.size() == 1 ? first : new Or(parts);
    }

    private PolicyCheck and() {
      List<PolicyCheck> parts = new ArrayList<>();
      PolicyCheck first = unary();
      if (first == null) {
        return null;
      }
      parts.add(first);
      while (peek("and")) {
        at++;
        PolicyCheck next = unary();
        if (next == null) {
          return null;
        }
        parts.add(next);
      }
      return parts.size() == 1 ? first : new And(parts);
    }

    private PolicyCheck unary() {
      if (at >= tokens.size()) {
        return null;
      }
      Token t = tokens.get(at);
      switch (t.kind()) {
        case "not" -> {
          at++;
          PolicyCheck inner = unary();
          return inner == null ? null : new Not(inner);
        }
        case "(" -> {
          at++;
          PolicyCheck inner = or();
          if (inner == null || !peek(")")) {
            return null;
          }
          at++;
          return inner;
        }
        case "check" -> {
          at++;
          return t.check();
        }
        default -> {
          return null;
        }
      }
    }

    private boolean peek(String kind) {
      return at < tokens.size() && tokens.get(at).kind().equals(kind);
    }
  }
}
