package dev.novatrace.render;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links from a diagram's comment anchors to the source they name, from a URL template such as
 * {@code https://opendev.org/openstack/nova/src/tag/{ref}/{path}#L{line}}. Placeholders:
 * {@code {ref}} (the release tag), {@code {path}}, {@code {line}} and {@code {function}}.
 *
 * <p>A link ends up inside PlantUML's {@code [[url{} label]]} markup, where a space, a bracket or
 * a brace would end the URL early and let the rest be read as markup: substituted values are
 * percent-encoded, and a template with such characters outside its placeholders is refused.
 */
public final class SourceLinks {
  /** {@code nova/compute/api.py:4151 confirm_resize()}: path, optional line, function. */
  private static final Pattern ANCHOR = Pattern.compile(
      "^#*\\s*([\\w.\\-]+(?:/[\\w.\\-]+)*\\.py)(?::(\\d{1,9}))?(?:\\s+([A-Za-z_][\\w.]*)\\s*"
          + "(?:\\(\\s*\\))?)?\\s*$");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w*)}");
  /** What a URL may hold literally: RFC 3986 unreserved, reserved but brackets, and '%'. */
  private static final String URL_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&'()*+,;=%";

  private final String template;
  private final String ref;

  private SourceLinks(String template, String ref) {
    this.template = template;
    this.ref = ref;
  }

  /**
   * Links from {@code template}; {@code ref} may be null when the template does not use
   * {@code {ref}}.
   *
   * @throws IllegalArgumentException saying what is wrong, in one line
   */
  public static SourceLinks of(String template, String ref) {
    checkTemplate(template);
    if (usesRef(template) && (ref == null || ref.isBlank())) {
      throw new IllegalArgumentException("the template uses {ref} but no release is known:"
          + " give --ref");
    }
    return new SourceLinks(template, ref);
  }

  /**
   * Checks a template's placeholders and characters.
   *
   * @throws IllegalArgumentException saying what is wrong, in one line
   */
  public static void checkTemplate(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder literal = new StringBuilder();
    int last = 0;
    while (m.find()) {
      String name = m.group(1);
      if (!name.equals("ref") && !name.equals("path") && !name.equals("line")
          && !name.equals("function")) {
        throw new IllegalArgumentException("unknown placeholder {" + name
            + "} (expected {ref}, {path}, {line} or {function})");
      }
      literal.append(template, last, m.start());
      last = m.end();
    }
    literal.append(template.substring(last));
    for (char c : literal.toString().toCharArray()) {
      if (URL_CHARS.indexOf(c) < 0) {
        throw new IllegalArgumentException("'" + printable(c) + "' is not allowed in a URL"
            + " template (percent-encode it)");
      }
    }
  }

  public static boolean usesRef(String template) {
    return template.contains("{ref}");
  }

  /** The link for a comment's text, when it is an anchor with what the template needs. */
  public Optional<String> forAnchor(String commentText) {
    Matcher a = ANCHOR.matcher(commentText.strip());
    if (!a.matches() || (template.contains("{line}") && a.group(2) == null)
        || (template.contains("{function}") && a.group(3) == null)) {
      return Optional.empty();
    }
    return Optional.of(template
        .replace("{ref}", encode(ref == null ? "" : ref, false))
        .replace("{path}", encode(a.group(1), true))
        .replace("{line}", a.group(2) == null ? "" : a.group(2))
        .replace("{function}", a.group(3) == null ? "" : encode(a.group(3), false)));
  }

  /** Percent-encodes everything but unreserved characters (and '/' in paths), as UTF-8. */
  static String encode(String value, boolean keepSlashes) {
    StringBuilder b = new StringBuilder();
    for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || "-._~".indexOf(c) >= 0 || (keepSlashes && c == '/')) {
        b.append(c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(x & 0xf, 16)));
      }
    }
    return b.toString();
  }

  private static String printable(char c) {
    return c < 0x20 || c == 0x7f ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c)
        : String.valueOf(c);
  }
}
