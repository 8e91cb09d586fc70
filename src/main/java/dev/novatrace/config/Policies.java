package dev.novatrace.config;

import dev.novatrace.index.CodeIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The policy a deployment enforces: the rules its tree registers with oslo.policy, each at its
 * default unless the deployment's policy file overrides it, evaluated as oslo.policy evaluates
 * them for a caller of a {@link Role}. Immutable; {@code with} gives a changed copy.
 *
 * <p>The caller holds a project-scoped token and acts on its own project's resources: the
 * target is {@code {project_id, user_id}} of the caller, so {@code project_id:%(project_id)s}
 * and {@code user_id:%(user_id)s} hold, {@code system_scope:all} and {@code domain_id:...} do not
 * (a project token has neither), any other {@code %(key)s} of the target fails as oslo.policy
 * fails a missing key, and {@code is_admin:True} holds where the rule {@code context_is_admin}
 * admits the caller (Nova's and Cinder's RequestContext compute it so). Scope types are not
 * checked: every rule of the releases read admits project scope, or is not enforced by scope.
 */
public final class Policies {
  /** oslo.policy's group for its own options. */
  public static final String GROUP = "oslo_policy";
  /** Whether deprecated defaults are OR'ed in (False) or not (True). */
  public static final String ENFORCE_NEW_DEFAULTS = "enforce_new_defaults";

  /** Where the rule a verdict used comes from. */
  private enum Source { DEFAULT, DEPRECATED, FILE }

  /** A rule as the enforcer holds it: its check, how it is spelled, and where it comes from. */
  private record Effective(PolicyCheck check, String checkStr, Source source) {}

  /** The rules of no tree: every rule is unknown. */
  public static final Policies NONE = new Policies(List.of(), 0, 0, Map.of(), true,
      "no rules read", null);

  private final List<PolicyRule> rules;
  private final int leftOut;
  private final int unlisted;
  private final Map<String, String> fileRules;
  private final boolean enforceNewDefaults;
  /** Why {@link #enforceNewDefaults} has its value, for provenance. */
  private final String newDefaultsReason;
  private final PolicyFile file;
  private final Map<String, PolicyRule> byName = new LinkedHashMap<>();
  private final Map<String, Effective> effective = new TreeMap<>();

  private Policies(List<PolicyRule> rules, int leftOut, int unlisted,
      Map<String, String> fileRules, boolean enforceNewDefaults, String newDefaultsReason,
      PolicyFile file) {
    this.rules = List.copyOf(rules);
    this.leftOut = leftOut;
    this.unlisted = unlisted;
    this.fileRules = Map.copyOf(fileRules);
    this.enforceNewDefaults = enforceNewDefaults;
    this.newDefaultsReason = newDefaultsReason;
    this.file = file;
    rules.forEach(r -> byName.putIfAbsent(r.name(), r));
    build();
  }

  /**
   * The rules registered by the modules of {@code policiesPackage} ({@code nova.policies},
   * {@code cinder.policies}), at their defaults. Deprecated defaults are enforced as the tree
   * sets them ({@code policy_opts.set_defaults(..., enforce_new_defaults=...)} in its
   * {@code policy} or {@code common.config} module), else as oslo.policy 4.4.0 and later do
   * (not OR'ed in); {@link #forRelease} applies an older oslo.policy's default.
   */
  public static Policies read(CodeIndex index, String policiesPackage) {
    PolicyReader reader = new PolicyReader(index);
    PolicyReader.Read read = reader.read(policiesPackage);
    String top = policiesPackage.contains(".")
        ? policiesPackage.substring(0, policiesPackage.lastIndexOf('.')) : policiesPackage;
    Optional<Boolean> tree = reader.enforceNewDefaults(
        List.of(top + ".policy", top + ".common.config", top + ".config"));
    return new Policies(read.rules(), read.leftOut(), read.unlisted(), Map.of(),
        tree.orElse(true), tree.isPresent() ? "set by the tree" : null, null);
  }

  /** Rules given as they are, for tests and for trees read some other way. */
  static Policies of(List<PolicyRule> rules, boolean enforceNewDefaults) {
    return new Policies(rules, 0, 0, Map.of(), enforceNewDefaults, null, null);
  }

  /**
   * This policy as a release runs it with the oslo.policy it ships with: before OpenStack 2024.2
   * (Nova 30, Cinder 25) oslo.policy (older than 4.4.0) OR'ed deprecated defaults in unless
   * {@code [oslo_policy] enforce_new_defaults} was set. A tree that sets the option itself, or a
   * release not known ({@code version} null), keeps what {@link #read} found.
   */
  public Policies forRelease(String project, String version) {
    if (newDefaultsReason != null || version == null) {
      return this;
    }
    Optional<Boolean> enforced = ReleaseSeries.of(version)
        .map(series -> series.compareTo(NEW_DEFAULTS_SERIES) >= 0);
    if (enforced.isEmpty()) {
      try {
        int major = Integer.parseInt(version.strip().split("\\.")[0]);
        enforced = Optional.of(major >= ("cinder".equals(project) ? 25 : 30));
      } catch (NumberFormatException e) {
        return this;
      }
    }
    return new Policies(rules, leftOut, unlisted, fileRules, enforced.get(),
        "oslo.policy's default in " + project + " " + version, file);
  }

  /** The OpenStack release whose oslo.policy (4.4.0) enforces the new defaults. */
  private static final String NEW_DEFAULTS_SERIES = "2024.2";

  /**
   * This policy with {@code [oslo_policy] enforce_new_defaults} as {@code settings} holds it,
   * where the deployment sets it ({@code --conf}, {@code --set}); at its default the option is
   * this policy's own default, and changes nothing.
   */
  public Policies with(Settings settings) {
    return settings.get(GROUP, ENFORCE_NEW_DEFAULTS)
        .filter(s -> s.source() == Settings.Source.SET && s.value() instanceof Boolean)
        .map(s -> new Policies(rules, leftOut, unlisted, fileRules, (Boolean) s.value(),
            "set", file))
        .orElse(this);
  }

  /**
   * This policy with the deployment's policy file: its rules override the defaults, and a rule
   * only in the file is added (a {@code rule:} alias). The file's rules the tree does not
   * register are in {@link #warnings()}.
   */
  public Policies with(PolicyFile policyFile) {
    return new Policies(rules, leftOut, unlisted, policyFile.rules(), enforceNewDefaults,
        newDefaultsReason, policyFile);
  }

  /**
   * What the deployment's policy file sets, sorted: {@code policy x = role:admin (policy
   * file)}, as a site says which deployment it draws.
   */
  public List<String> overridden() {
    return new java.util.TreeMap<>(fileRules).entrySet().stream()
        .map(e -> "policy " + e.getKey() + " = " + e.getValue() + " (policy file)").toList();
  }

  /**
   * The option {@code [oslo_policy] enforce_new_defaults} at this policy's default, for a
   * deployment's settings to hold and {@code --conf} / {@code --set} to change.
   */
  public Option option() {
    return new Option(GROUP, ENFORCE_NEW_DEFAULTS, Option.Type.BOOL, enforceNewDefaults,
        "oslo_policy/opts.py", 0);
  }

  /** Whether deprecated defaults are left out (True) or OR'ed in. */
  public boolean enforceNewDefaults() {
    return enforceNewDefaults;
  }

  /** Every rule read, in the order registered. */
  public List<PolicyRule> rules() {
    return rules;
  }

  /** The rule registered as {@code name}. */
  public Optional<PolicyRule> rule(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Rule declarations whose name or check string a static reading could not evaluate. */
  public int leftOut() {
    return leftOut;
  }

  /** Rule declarations of the package that its {@code list_rules()} does not register. */
  public int unlisted() {
    return unlisted;
  }

  /** One line per rule of the policy file the tree does not register, sorted. */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    for (String name : new TreeMap<>(fileRules).keySet()) {
      if (!byName.containsKey(name)) {
        out.add(file.path() + ": rule '" + name + "' is not registered by the tree"
            + " (kept for rule: references only)");
      }
    }
    return out;
  }

  /**
   * What rule {@code rule} says for a caller of {@code role}; empty for a rule the tree does not
   * register: Nova's {@code context.can} calls oslo.policy's {@code authorize}, which refuses
   * such a rule (PolicyNotRegistered), so nothing is decided.
   */
  public Optional<Verdict> verdict(String rule, Role role) {
    if (!byName.containsKey(rule)) {
      return Optional.empty();
    }
    Effective e = effective.get(rule);
    boolean allowed = new Evaluation(role).rule(rule);
    return Optional.of(new Verdict(allowed, "policy " + rule + " = " + e.checkStr() + " ("
        + switch (e.source()) {
          case DEFAULT -> "default";
          case DEPRECATED -> "default or deprecated default";
          case FILE -> "policy file";
        } + ")"));
  }

  /** The least privileged role rule {@code rule} admits; empty if none, or if not registered. */
  public Optional<Role> least(String rule) {
    return Arrays.stream(Role.values())
        .filter(r -> verdict(rule, r).map(Verdict::allowed).orElse(false))
        .findFirst();
  }

  /**
   * oslo.policy's enforcer rules once loaded: the file's, then each registered default not in
   * the file, with its deprecated rule handled as {@code _handle_deprecated_rule} does.
   */
  private void build() {
    fileRules.forEach((k, v) -> effective.put(k, new Effective(PolicyCheck.parse(v), v,
        Source.FILE)));
    for (PolicyRule r : byName.values()) {
      if (!fileRules.containsKey(r.name())) {
        effective.put(r.name(), registered(r));
      }
    }
  }

  private Effective registered(PolicyRule r) {
    Effective plain = new Effective(PolicyCheck.parse(r.checkStr()), r.checkStr(), Source.DEFAULT);
    if (r.deprecatedName() == null) {
      return plain;
    }
    // An operator's override of the old name carries over to the new one, unless it only
    // restates the old default or points at the new rule.
    String old = fileRules.get(r.deprecatedName());
    if (!r.deprecatedName().equals(r.name()) && old != null
        && !PolicyCheck.parse(old).equals(PolicyCheck.parse(r.deprecatedCheckStr()))
        && !PolicyCheck.parse(old).equals(new PolicyCheck.Rule(r.name()))) {
      return new Effective(PolicyCheck.parse(old), old, Source.FILE);
    }
    if (!enforceNewDefaults && !r.deprecatedCheckStr().equals(r.checkStr())) {
      return new Effective(new PolicyCheck.Or(List.of(PolicyCheck.parse(r.checkStr()),
          PolicyCheck.parse(r.deprecatedCheckStr()))),
          r.checkStr() + " or " + r.deprecatedCheckStr(), Source.DEPRECATED);
    }
    return plain;
  }

  /** Why deprecated defaults are or are not OR'ed in, for provenance. */
  public String describeNewDefaults() {
    return "[" + GROUP + "] " + ENFORCE_NEW_DEFAULTS + " = "
        + (enforceNewDefaults ? "True" : "False")
        + (newDefaultsReason == null ? " (oslo.policy's default)" : " (" + newDefaultsReason
            + ")");
  }

  /** One caller's evaluation: its credentials, and the rules being evaluated (for cycles). */
  private final class Evaluation {
    private static final String PROJECT = "<project>";
    private static final String USER = "<user>";
    private final Role role;
    private final Map<String, Object> creds = new LinkedHashMap<>();
    private final Map<String, Object> target = Map.of("project_id", PROJECT, "user_id", USER);
    private final List<String> active = new ArrayList<>();

    Evaluation(Role role) {
      this.role = role;
      creds.put("user_id", USER);
      creds.put("project_id", PROJECT);
      creds.put("roles", role.carried());
      creds.put("system_scope", null);
      creds.put("domain_id", null);
      // oslo.context's default where keystonemiddleware does not say otherwise.
      creds.put("is_admin_project", Boolean.TRUE);
      // RequestContext: is_admin = check_is_admin(context), evaluated with is_admin unset.
      creds.put("is_admin", null);
      creds.put("is_admin", effective.containsKey("context_is_admin")
          && rule("context_is_admin"));
    }

    boolean rule(String name) {
      Effective e = effective.get(name);
      if (e == null) {
        // oslo.policy's Rules fall back on the rule named 'default' where there is one.
        e = name.equals("default") ? null : effective.get("default");
      }
      if (e == null || active.contains(name)) {
        return false; // an unknown rule fails closed; a cycle never resolves
      }
      active.add(name);
      try {
        return check(e.check());
      } finally {
        active.remove(active.size() - 1);
      }
    }

    private boolean check(PolicyCheck c) {
      if (c instanceof PolicyCheck.Always) {
        return true;
      }
      if (c instanceof PolicyCheck.Rule r) {
        return rule(r.name());
      }
      if (c instanceof PolicyCheck.Role r) {
        return interpolate(r.match())
            .map(m -> role.carried().stream().anyMatch(m::equalsIgnoreCase)).orElse(false);
      }
      if (c instanceof PolicyCheck.Generic g) {
        return generic(g);
      }
      if (c instanceof PolicyCheck.Not n) {
        return !check(n.check());
      }
      if (c instanceof PolicyCheck.And a) {
        return a.checks().stream().allMatch(this::check);
      }
      if (c instanceof PolicyCheck.Or o) {
        return o.checks().stream().anyMatch(this::check);
      }
      return false; // Never
    }

    /** oslo.policy's GenericCheck: a literal kind is compared, else a path into the creds. */
    private boolean generic(PolicyCheck.Generic g) {
      if (g.kind().equals("http") || g.kind().equals("https")) {
        return false; // a remote check: nothing here can answer it
      }
      Optional<String> match = interpolate(g.match());
      if (match.isEmpty()) {
        return false;
      }
      Optional<String> literal = literal(g.kind());
      if (literal.isPresent()) {
        return match.get().equals(literal.get());
      }
      return find(creds, List.of(g.kind().split("\\.", -1)), match.get());
    }

    private boolean find(Object value, List<String> path, String match) {
      if (path.isEmpty()) {
        return match.equals(pythonStr(value));
      }
      if (!(value instanceof Map<?, ?> m) || !m.containsKey(path.get(0))) {
        return false;
      }
      Object next = m.get(path.get(0));
      List<String> rest = path.subList(1, path.size());
      if (next instanceof List<?> l) {
        return l.stream().anyMatch(x -> find(x, rest, match));
      }
      return find(next, rest, match);
    }

    /** {@code match % target}: empty where the target has no such key (oslo.policy: False). */
    private Optional<String> interpolate(String match) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < match.length(); i++) {
        char ch = match.charAt(i);
        if (ch != '%') {
          out.append(ch);
        } else if (match.startsWith("%%", i)) {
          out.append('%');
          i++;
        } else if (match.startsWith("%(", i)) {
          int close = match.indexOf(")s", i);
          if (close < 0) {
            return Optional.empty();
          }
          String key = match.substring(i + 2, close);
          if (!target.containsKey(key)) {
            return Optional.empty();
          }
          out.append(pythonStr(target.get(key)));
          i = close + 1;
        } else {
          out.append(ch); // Python would complain; oslo.policy's check then fails below
        }
      }
      return Optional.of(out.toString());
    }
  }

  /** {@code str(value)} as Python spells it for the values credentials hold. */
  private static String pythonStr(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    return String.valueOf(value);
  }

  /**
   * {@code ast.literal_eval(kind)} for the literals a kind can be: a quoted string, a number,
   * True, False, None; empty for a name or a path.
   */
  static Optional<String> literal(String kind) {
    if (kind.length() >= 2 && (kind.charAt(0) == '\'' || kind.charAt(0) == '"')
        && kind.charAt(kind.length() - 1) == kind.charAt(0)) {
      return Optional.of(kind.substring(1, kind.length() - 1));
    }
    if (kind.equals("True") || kind.equals("False") || kind.equals("None")) {
      return Optional.of(kind);
    }
    if (kind.matches("-?[0-9]{1,18}")) {
      return Optional.of(String.valueOf(Long.parseLong(kind)));
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return rules.size() + " rules, " + leftOut + " left out, " + fileRules.size()
        + " from the policy file";
  }
}
