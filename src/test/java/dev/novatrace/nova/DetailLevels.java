package dev.novatrace.nova;

import dev.novatrace.project.ApiAction;
import dev.novatrace.workspace.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.detail.Detail;
import dev.novatrace.detail.DetailPolicy;
import dev.novatrace.diagram.write.WsdWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that the levels of detail nest on every action of a real release: every message drawn
 * at overview is drawn at standard, every one at standard is drawn at full, and the RPC messages
 * and state changes are the same at all three; no action is over 300 lines at standard and the
 * median is under 100. Prints the sizes per level.
 */
public final class DetailLevels {
  private static final Pattern MESSAGE =
      Pattern.compile("^\\s*([\\w.]+)(->>|->)([\\w.]+): (.*)$", Pattern.MULTILINE);
  private static final Pattern TIMES = Pattern.compile(" \\(\u00d7\\d+\\)$");
  /**
   * A request standard draws "(if needed)": a driver's internal test was opened around it; a
   * record's state so written says it after its subject ({@code X.update (if needed): status}).
   */
  private static final Pattern IF_NEEDED = Pattern.compile(" \\(if needed\\)(?=$|: )");
  /** A line of a save that writes a state, its value drawn or not. */
  private static final Pattern STATE_FIELD =
      Pattern.compile("(vm_state|task_state|power_state|status)( = .*)?");

  /** The size budget at standard detail: a person reads every action's diagram whole. */
  private static final int MAX_STANDARD = 300;
  private static final int MEDIAN_STANDARD = 100;

  private DetailLevels() {}

  public static void assertNested(Workspace ws) {
    Map<Detail, List<Integer>> sizes = new EnumMap<>(Detail.class);
    for (ApiAction a : ws.actions()) {
      Map<Detail, String> wsd = new EnumMap<>(Detail.class);
      for (Detail d : Detail.values()) {
        wsd.put(d, WsdWriter.write(Workspace.diagram(
            ws.trace(a, d, Workspace.DEFAULT_DEPTH), d)));
        sizes.computeIfAbsent(d, k -> new ArrayList<>()).add(lines(wsd.get(d)));
      }
      TreeSet<String> overview = messages(wsd.get(Detail.OVERVIEW));
      TreeSet<String> standard = messages(wsd.get(Detail.STANDARD));
      // Failure paths are drawn at full detail only.
      TreeSet<String> full = messages(withoutFailurePaths(wsd.get(Detail.FULL)));
      assertSubset(overview, standard, a.name() + ": overview in standard");
      assertSubset(standard, full, a.name() + ": standard in full");
      assertSameUpToDetail(essential(full), essential(standard),
          a.name() + ": RPC and states at standard");
      assertEquals(essential(standard), essential(overview),
          a.name() + ": RPC and states at overview");
      assertTrue(lines(wsd.get(Detail.STANDARD)) <= lines(wsd.get(Detail.FULL)), a.name());
    }
    List<Integer> standard = sizes.get(Detail.STANDARD).stream().sorted().toList();
    assertTrue(standard.get(standard.size() - 1) <= MAX_STANDARD, ws.tree().label()
        + ": an action over " + MAX_STANDARD + " lines at standard detail");
    assertTrue(standard.get(standard.size() / 2) < MEDIAN_STANDARD, ws.tree().label());
    sizes.forEach((d, l) -> {
      List<Integer> sorted = l.stream().sorted().toList();
      System.out.println(ws.tree().label() + " " + d.label() + ": median "
          + sorted.get(sorted.size() / 2) + ", largest " + sorted.get(sorted.size() - 1)
          + ", total " + l.stream().mapToInt(Integer::intValue).sum() + " lines");
    });
  }

  /**
   * A diagram without its failure paths ({@code opt ... (raises)} to its {@code end}) and
   * without the branches only a deployment set otherwise than the defaults takes ({@code else
   * [group] option set otherwise} to the end of its alt): standard draws neither.
   */
  static String withoutFailurePaths(String wsd) {
    StringBuilder out = new StringBuilder();
    int skipping = 0;
    boolean keepEnd = false;
    for (String line : wsd.split("\n", -1)) {
      String t = line.strip();
      boolean opens = t.startsWith("opt ") || t.startsWith("alt ") || t.startsWith("loop ")
          || t.startsWith("par") || t.startsWith("group ");
      if (skipping > 0) {
        skipping += opens ? 1 : t.equals("end") ? -1 : 0;
        if (skipping == 0 && keepEnd) {
          out.append(line).append('\n');
        }
      } else if (t.startsWith("opt ") && t.endsWith(DetailPolicy.FAILS)) {
        skipping = 1;
        keepEnd = false;
      } else if (t.startsWith("else ") && t.endsWith(" set otherwise")) {
        skipping = 1;
        keepEnd = true;
      } else {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  private static int lines(String wsd) {
    return (int) wsd.lines().count();
  }

  /**
   * Every message as {@code from arrow to: label}, counts of repeats taken off. A save that two
   * alike branches share at standard ({@code status = 'failed' or 'cancelled'}) is each of the
   * saves of the branches, as full detail draws them.
   */
  static TreeSet<String> messages(String wsd) {
    TreeSet<String> out = new TreeSet<>();
    Matcher m = MESSAGE.matcher(wsd);
    while (m.find()) {
      String label = TIMES.matcher(m.group(4)).replaceAll("");
      String arrow = m.group(1) + m.group(2) + m.group(3) + ": ";
      if (!label.contains(" = ") && !SUBJECT.matcher(label).lookingAt()
          && !m.group(3).equals("database")) {
        // Requests in a row to one service drawn as one arrow of several lines.
        for (String request : label.split("\\\\n")) {
          // One of two requests, drawn "a or b": each is one of full's.
          for (String either : request.split(" or ")) {
            out.add(arrow + IF_NEEDED.matcher(TIMES.matcher(either).replaceAll("")).replaceAll(""));
          }
        }
      } else {
        // A record written only behind a test is drawn so ("(if needed)") where its tests are
        // opened.
        out.addAll(alternatives(arrow + IF_NEEDED.matcher(label).replaceAll("")));
      }
    }
    return out;
  }

  /** The object and method a database arrow names before its fields. */
  private static final Pattern SUBJECT = Pattern.compile("[A-Za-z_]\\w*\\.\\w+: ");

  private static final Pattern ALIKE = Pattern.compile(
      "(\\w+) = ((?:'[^']*'|[\\w.]+)(?: or (?:'[^']*'|[\\w.]+))+)");

  /** The message once per value its fields have, the i-th value of each field together. */
  private static List<String> alternatives(String message) {
    String[] parts = message.split(": ", 2);
    if (parts.length < 2) {
      return List.of(message);
    }
    Matcher subject = SUBJECT.matcher(parts[1]);
    if (subject.lookingAt()) {
      String prefix = parts[0] + ": " + subject.group();
      return alternatives("x: " + parts[1].substring(subject.end())).stream()
          .map(x -> prefix + x.substring(3)).toList();
    }
    String[] lines = parts[1].split("\\\\n", -1);
    int count = 1;
    for (String l : lines) {
      Matcher a = ALIKE.matcher(l);
      if (a.matches()) {
        count = Math.max(count, a.group(2).split(" or ").length);
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<String> chosen = new ArrayList<>();
      for (String l : lines) {
        Matcher a = ALIKE.matcher(l);
        String[] values = a.matches() ? a.group(2).split(" or ") : null;
        chosen.add(values == null ? l : a.group(1) + " = " + values[Math.min(i, values.length - 1)]);
      }
      out.add(parts[0] + ": " + String.join("\\n", chosen));
    }
    return out;
  }

  /** RPC messages between Nova services and state changes. */
  static TreeSet<String> essential(TreeSet<String> messages) {
    TreeSet<String> out = new TreeSet<>();
    for (String m : messages) {
      boolean rpc = m.startsWith("nova_") && m.split(": ", 2)[0].matches("nova_\\w+->>?nova_\\w+");
      boolean state = Arrays.stream(SUBJECT.matcher(m.split(": ", 2)[1]).replaceFirst("")
          .split("\\\\n"))
          .anyMatch(l -> STATE_FIELD.matcher(l).matches());
      // A record put in error is the way something fails: standard leaves it out.
      boolean error = m.matches("(?s).*(_state|status) = '?(?i:error)'?(\\\\n.*)?");
      if ((rpc || state) && !error) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * Whether {@code small} is {@code big} drawn with less detail: the same message, where a
   * field's line may be the field alone for big's {@code field = computed value}.
   */
  static boolean covers(String big, String small) {
    if (big.equals(small)) {
      return true;
    }
    String[] b = big.split(": ", 2);
    String[] s = small.split(": ", 2);
    if (b.length < 2 || s.length < 2 || !b[0].equals(s[0])) {
      return false;
    }
    String[] bl = b[1].split("\\\\n", -1);
    String[] sl = s[1].split("\\\\n", -1);
    if (bl.length != sl.length) {
      return false;
    }
    for (int i = 0; i < bl.length; i++) {
      if (!bl[i].equals(sl[i]) && !bl[i].startsWith(sl[i] + " = ")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The same messages, each of {@code small} drawn with less detail than one of {@code big} and
   * each of {@code big} drawn in {@code small}. Not the same count: two saves whose computed
   * values differ at full ({@code old_flavor = flavor}, {@code old_flavor = old_flavor}) are
   * one text at standard, where computed values are not shown.
   */
  private static void assertSameUpToDetail(TreeSet<String> big, TreeSet<String> small,
      String what) {
    assertSubset(small, big, what);
    TreeSet<String> undrawn = new TreeSet<>();
    for (String b : big) {
      if (small.stream().noneMatch(m -> covers(b, m))) {
        undrawn.add(b);
      }
    }
    assertTrue(undrawn.isEmpty(), what + ": not drawn " + undrawn);
  }

  private static void assertSubset(TreeSet<String> small, TreeSet<String> big, String what) {
    TreeSet<String> missing = new TreeSet<>();
    for (String m : small) {
      if (big.stream().noneMatch(b -> covers(b, m))) {
        missing.add(m);
      }
    }
    assertTrue(missing.isEmpty(), what + ": " + missing);
  }
}
