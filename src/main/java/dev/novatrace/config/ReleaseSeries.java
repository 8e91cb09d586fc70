package dev.novatrace.config;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenStack release a git ref names by its series, whatever the project: {@code
 * victoria-eom}, {@code stable/2023.1}, {@code unmaintained/yoga}, {@code 2025.1-eom}. A
 * project's own version number ({@code 22.0.1}) is not a series: the caller maps that itself.
 */
final class ReleaseSeries {
  /** Series names by release, in the order OpenStack named them. */
  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("mitaka", "2016.1"), Map.entry("newton", "2016.2"),
      Map.entry("ocata", "2017.1"), Map.entry("pike", "2017.2"),
      Map.entry("queens", "2018.1"), Map.entry("rocky", "2018.2"),
      Map.entry("stein", "2019.1"), Map.entry("train", "2019.2"),
      Map.entry("ussuri", "2020.1"), Map.entry("victoria", "2020.2"),
      Map.entry("wallaby", "2021.1"), Map.entry("xena", "2021.2"),
      Map.entry("yoga", "2022.1"), Map.entry("zed", "2022.2"),
      Map.entry("antelope", "2023.1"), Map.entry("bobcat", "2023.2"),
      Map.entry("caracal", "2024.1"), Map.entry("dalmatian", "2024.2"),
      Map.entry("epoxy", "2025.1"), Map.entry("flamingo", "2025.2"),
      Map.entry("gazpacho", "2026.1"));
  private static final Pattern YEAR = Pattern.compile("(20\\d\\d)\\.([12])");
  private static final Pattern WORD = Pattern.compile("[a-z]+");

  private ReleaseSeries() {}

  /** {@code 2020.2} for {@code victoria-eom}; empty where the ref names no series. */
  static Optional<String> of(String ref) {
    String last = ref.strip().toLowerCase(java.util.Locale.ROOT);
    last = last.substring(last.lastIndexOf('/') + 1);
    Matcher year = YEAR.matcher(last);
    if (year.lookingAt()) {
      return Optional.of(year.group(1) + "." + year.group(2));
    }
    Matcher word = WORD.matcher(last);
    return word.lookingAt() ? Optional.ofNullable(NAMES.get(word.group())) : Optional.empty();
  }
}
