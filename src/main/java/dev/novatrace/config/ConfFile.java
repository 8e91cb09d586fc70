package dev.novatrace.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A deployment's {@code nova.conf} / {@code cinder.conf}, read with oslo.config's rules (its
 * iniparser and ConfigOpts): {@code [section]} lines, {@code key = value} or {@code key: value},
 * a value in matching quotes unquoted, indented lines continuing the value before them (joined by
 * a newline), a blank line ending it, whole-line comments starting {@code #} or {@code ;}, the last
 * value of a key winning. Section names other than {@code DEFAULT} are matched in lower case, as
 * oslo.config does; {@code [default]} is not {@code [DEFAULT]}. For Cinder, the section of the first
 * of {@code enabled_backends} sets {@code [backend_defaults]}. {@code $name} in a value is the
 * value of that option (of the same group, else DEFAULT; {@code ${group.name}}), {@code $$} a
 * dollar sign.
 */
public final class ConfFile {
  /** Far beyond any real nova.conf; a bound so a wrong path cannot fill memory. */
  static final long MAX_BYTES = 16L << 20;
  /** Cinder's group for the options every backend section takes. */
  static final String BACKEND_DEFAULTS = "backend_defaults";

  private ConfFile() {}

  /** The settings a file gives, and what it names that the tree does not declare. */
  public record Applied(Settings settings, List<String> warnings) {
    public Applied {
      warnings = List.copyOf(warnings);
    }
  }

  /** One {@code key = value} of the file, at its line. */
  private record Assignment(String section, String key, String value, int line) {}

  /**
   * {@code base} with every value {@code file} sets. An option or group the tree does not declare
   * is a warning (once per option, once per group), not an error: a real nova.conf sets options
   * of libraries (oslo.messaging, keystoneauth) that are not the tree's own.
   *
   * @throws IllegalArgumentException {@code file:line: message} for a file that cannot be read, a
   *     malformed line, or a value its option's type does not take
   */
  public static Applied apply(Settings base, Path file) {
    List<String> warnings = new ArrayList<>();
    List<Assignment> assignments = backends(base, file, parse(file, read(file)), warnings);
    Map<String, Assignment> last = new LinkedHashMap<>();
    for (Assignment a : assignments) {
      last.remove(key(a.section(), a.key()));
      last.put(key(a.section(), a.key()), a); // the last value wins, at its own line
    }
    Set<String> groups = new HashSet<>();
    base.all().forEach(s -> groups.add(s.option().group().toLowerCase(Locale.ROOT)));
    Set<String> warnedGroups = new HashSet<>();
    Set<String> warnedOptions = new HashSet<>();
    Interpolation references = references(base, last.values());
    Settings out = base;
    for (Assignment a : last.values()) {
      String group = group(a.section());
      if (group == null || !groups.contains(group.toLowerCase(Locale.ROOT))) {
        if (warnedGroups.add(a.section())) {
          warnings.add(file + ":" + a.line() + ": unknown group [" + a.section() + "]"
              + (group == null ? " (oslo.config reads [DEFAULT] only in capitals)" : ""));
        }
        continue;
      }
      // oslo.config looks an option up by its dest, '-' made '_': a key with '-' never matches.
      if (a.key().contains("-") || base.get(group, a.key()).isEmpty()) {
        if (warnedOptions.add(key(a.section(), a.key()))) {
          warnings.add(file + ":" + a.line() + ": unknown option [" + a.section() + "] "
              + a.key());
        }
        continue;
      }
      String value = a.value();
      if (value.contains("$")) {
        String done = references.substitute(group, value);
        if (done == null) {
          warnings.add(file + ":" + a.line() + ": [" + a.section() + "] " + a.key()
              + " refers to an option whose value is not known; kept as written");
        } else {
          value = done;
        }
      }
      try {
        out = out.with(group, a.key(), value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + a.line() + ": " + e.getMessage(), e);
      }
    }
    return new Applied(out, warnings);
  }

  /**
   * What {@code $name} in a value stands for, as oslo.config substitutes it when the option is
   * read: the file's own value of that option, else its default.
   */
  private static Interpolation references(Settings base, Iterable<Assignment> file) {
    Map<String, Object> values = new java.util.TreeMap<>();
    base.all().forEach(s -> values.put(
        Interpolation.key(s.option().group(), s.option().name()), s.value()));
    for (Assignment a : file) {
      String group = group(a.section());
      if (group != null) {
        values.put(Interpolation.key(group, a.key()), a.value());
      }
    }
    return new Interpolation(values);
  }

  /**
   * Cinder's backends: each section {@code [DEFAULT] enabled_backends} names is a group with the
   * options of {@code [backend_defaults]}, registered at run time. A trace follows one backend:
   * the first one named is read as {@code [backend_defaults]}; other backends' sections are left
   * out with a warning.
   */
  private static List<Assignment> backends(Settings base, Path file, List<Assignment> in,
      List<String> warnings) {
    boolean cinder = base.all().stream()
        .anyMatch(s -> s.option().group().equals(BACKEND_DEFAULTS));
    List<String> enabled = List.of();
    for (Assignment a : in) {
      if (a.section().equals(Option.DEFAULT_GROUP) && a.key().equals("enabled_backends")) {
        enabled = a.value().isBlank() ? List.of()
            : List.of(a.value().strip().split("\\s*,\\s*"));
      }
    }
    if (!cinder || enabled.isEmpty()) {
      return in;
    }
    List<Assignment> out = new ArrayList<>();
    Set<String> warned = new HashSet<>();
    for (Assignment a : in) {
      if (a.section().equals(enabled.get(0))) {
        out.add(new Assignment(BACKEND_DEFAULTS, a.key(), a.value(), a.line()));
      } else if (enabled.contains(a.section())) {
        if (warned.add(a.section())) {
          warnings.add(file + ":" + a.line() + ": backend [" + a.section()
              + "] left out: the trace follows the first of enabled_backends, ["
              + enabled.get(0) + "]");
        }
      } else {
        out.add(a);
      }
    }
    return out;
  }

  /** The group a section names: DEFAULT exactly, others in lower case; null for [default]. */
  private static String group(String section) {
    if (section.equals(Option.DEFAULT_GROUP)) {
      return section;
    }
    String lower = section.toLowerCase(Locale.ROOT);
    return lower.equals("default") ? null : lower;
  }

  private static String key(String section, String name) {
    String group = group(section);
    return (group == null ? section : group) + "\n" + name;
  }

  private static String read(Path file) {
    try {
      DeploymentFile.check(file, MAX_BYTES, "configuration file");
      byte[] bytes = Files.readAllBytes(file);
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** oslo.config's iniparser, line by line. */
  private static List<Assignment> parse(Path file, String text) {
    List<Assignment> out = new ArrayList<>();
    String section = null;
    String key = null;
    List<String> value = new ArrayList<>();
    int keyLine = 0;
    String[] lines = text.split("\\r\\n|\\r|\\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i].stripTrailing();
      if (line.isEmpty()) {
        if (key != null) {
          out.add(new Assignment(section, key, String.join("\n", value), keyLine));
          key = null;
        }
        continue;
      }
      if (line.startsWith(" ") || line.startsWith("\t")) {
        if (key == null) {
          throw malformed(file, lineNo, "a continuation line with no option before it");
        }
        value.add(line.stripLeading());
        continue;
      }
      if (key != null) {
        out.add(new Assignment(section, key, String.join("\n", value), keyLine));
        key = null;
      }
      if (line.startsWith("[")) {
        section = section(file, lineNo, line);
      } else if (!line.startsWith("#") && !line.startsWith(";")) {
        if (section == null) {
          throw malformed(file, lineNo, "an option before any [section]");
        }
        String[] kv = split(file, lineNo, line);
        key = kv[0];
        value = new ArrayList<>(List.of(kv[1]));
        keyLine = lineNo;
      }
    }
    if (key != null) {
      out.add(new Assignment(section, key, String.join("\n", value), keyLine));
    }
    return out;
  }

  private static String section(Path file, int lineNo, String line) {
    if (!line.endsWith("]")) {
      throw malformed(file, lineNo, "a section must end with ]");
    }
    if (line.length() <= 2) {
      throw malformed(file, lineNo, "an empty section name");
    }
    return line.substring(1, line.length() - 1);
  }

  /** {@code key = value} or {@code key: value}, whichever separator comes first. */
  private static String[] split(Path file, int lineNo, String line) {
    int colon = line.indexOf(':');
    int equal = line.indexOf('=');
    if (colon < 0 && equal < 0) {
      throw malformed(file, lineNo, "no '=' or ':' in '" + line + "'");
    }
    int at = colon < 0 || (equal >= 0 && equal < colon) ? equal : colon;
    String key = line.substring(0, at).strip();
    String value = line.substring(at + 1).strip();
    if (key.isEmpty()) {
      throw malformed(file, lineNo, "an empty option name");
    }
    if (value.length() >= 2 && value.charAt(0) == value.charAt(value.length() - 1)
        && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
      value = value.substring(1, value.length() - 1);
    } else if (value.length() == 1 && (value.equals("\"") || value.equals("'"))) {
      value = ""; // Python's value[1:-1] of a lone quote
    }
    return new String[] {key, value};
  }

  private static IllegalArgumentException malformed(Path file, int line, String message) {
    return new IllegalArgumentException(file + ":" + line + ": " + message);
  }
}
