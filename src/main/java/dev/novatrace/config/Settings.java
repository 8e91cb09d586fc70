package dev.novatrace.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The deployment a trace assumes: every option the tree declares, each at its default unless the
 * user set it ({@code --set}, {@code --conf}). Immutable; {@link #with} gives a changed copy.
 */
public final class Settings {

  /**
   * Where a value comes from, as provenance names it: the tree's default, the user's setting,
   * or the project profile's baseline where the tree's default cannot run (Neutron has no
   * default core plugin).
   */
  public enum Source { DEFAULT, SET, PROFILE }

  /** An option and the value assumed for it. */
  public record Setting(Option option, Object value, Source source) {
    /** {@code [quota] driver = nova.quota.DbQuotaDriver (default)}. */
    public String describe() {
      return option.key() + " = " + Option.spell(value)
          + (source == Source.DEFAULT ? " (default)"
              : source == Source.PROFILE ? " (profile)" : "");
    }
  }

  /** No option known: nothing is decided by configuration. */
  public static final Settings NONE = new Settings(Map.of());

  private final Map<String, Setting> byKey;

  private Settings(Map<String, Setting> byKey) {
    this.byKey = byKey;
  }

  /** Every option at its default; an option declared twice keeps its first declaration. */
  public static Settings of(Collection<Option> options) {
    Map<String, Setting> map = new TreeMap<>();
    for (Option o : options) {
      map.putIfAbsent(key(o.group(), o.name()), new Setting(o, o.defaultValue(), Source.DEFAULT));
    }
    return new Settings(map);
  }

  /**
   * A copy that also holds {@code option}, at its default, unless it is held already: every
   * other option keeps its value and where that came from.
   */
  public Settings plus(Option option) {
    String k = key(option.group(), option.name());
    if (byKey.containsKey(k)) {
      return this;
    }
    Map<String, Setting> map = new TreeMap<>(byKey);
    map.put(k, new Setting(option, option.defaultValue(), Source.DEFAULT));
    return new Settings(map);
  }

  private static String key(String group, String name) {
    // oslo.config treats '-' and '_' in names alike.
    return group.toLowerCase(Locale.ROOT) + "." + name.replace('-', '_');
  }

  /** The option {@code [group] name} and its value, if the tree declares it. */
  public Optional<Setting> get(String group, String name) {
    return Optional.ofNullable(byKey.get(key(group, name)));
  }

  /** Every option, by group and name. */
  public List<Setting> all() {
    return List.copyOf(byKey.values());
  }

  public boolean isEmpty() {
    return byKey.isEmpty();
  }

  /**
   * A copy with {@code [group] name} set to {@code raw}, read as the option's type reads it
   * (oslo.config's rules: {@code true/yes/on/1} for a boolean, {@code a,b} for a list).
   *
   * @throws IllegalArgumentException naming the option and the problem, for an unknown option
   *     or a value its type does not take
   */
  public Settings with(String group, String name, String raw) {
    Setting now = get(group, name).orElseThrow(() -> new IllegalArgumentException(
        "unknown option [" + group + "] " + name + suggestion(group, name)));
    Map<String, Setting> map = new TreeMap<>(byKey);
    map.put(key(group, name), new Setting(now.option(), parse(now.option(), raw), Source.SET));
    return new Settings(map);
  }

  /**
   * A copy with {@code [group] name} at the profile's baseline {@code raw}, as {@link #with}
   * reads it; an option the tree does not declare is left out (an older release's).
   */
  public Settings baseline(String group, String name, String raw) {
    Optional<Setting> now = get(group, name);
    if (now.isEmpty()) {
      return this;
    }
    Map<String, Setting> map = new TreeMap<>(byKey);
    map.put(key(group, name),
        new Setting(now.get().option(), parse(now.get().option(), raw), Source.PROFILE));
    return new Settings(map);
  }

  /** The values the user set, in order of their keys. */
  public List<Setting> changed() {
    List<Setting> out = new ArrayList<>();
    byKey.values().stream().filter(s -> s.source() == Source.SET).forEach(out::add);
    return out;
  }

  private String suggestion(String group, String name) {
    List<String> same = byKey.values().stream()
        .filter(s -> s.option().name().equals(name.replace('-', '_')))
        .map(s -> s.option().key()).toList();
    return same.isEmpty() ? "" : " (did you mean " + String.join(" or ", same) + "?)";
  }

  static Object parse(Option o, String raw) {
    String v = raw.strip();
    return switch (o.type()) {
      case BOOL -> switch (v.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "on", "1" -> Boolean.TRUE;
        case "false", "no", "off", "0" -> Boolean.FALSE;
        default -> throw new IllegalArgumentException(o.key() + " is a boolean, not '" + raw + "'");
      };
      case INT -> {
        try {
          yield Long.parseLong(v);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(o.key() + " is an integer, not '" + raw + "'");
        }
      }
      case FLOAT -> {
        try {
          yield Double.parseDouble(v);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(o.key() + " is a number, not '" + raw + "'");
        }
      }
      case LIST -> v.isEmpty() ? List.of()
          : List.of(v.split("\\s*,\\s*"));
      default -> v;
    };
  }

  @Override
  public String toString() {
    Map<String, Object> shown = new LinkedHashMap<>();
    byKey.forEach((k, s) -> shown.put(k, s.value()));
    return shown.toString();
  }
}
