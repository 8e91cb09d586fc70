package dev.novatrace.diff;

import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The instance states a drawn step writes, as drift and history compare them. */
public final class StateChanges {
  private static final Pattern STATE =
      Pattern.compile("\\b(task_state|vm_state)s?\\s*[=:]\\s*([\\w.]+)");

  private StateChanges() {}

  /**
   * The instance states a step writes to the database ({@code task_state = PAUSING}), sorted;
   * empty for any other step.
   */
  public static TreeSet<String> of(FlatStep s) {
    TreeSet<String> states = new TreeSet<>();
    if (s.kind() != FlatStep.Kind.CALL || !isDatabase(s.to())) {
      return states;
    }
    // A label's fields are separated by the two characters \n, not a line break.
    Matcher m = STATE.matcher(s.text().replace("\\n", "\n"));
    while (m.find()) {
      String value = m.group(2);
      if (isStateValue(value)) { // not a variable (instance_attrs): a state a person would name
        // A state constant in capitals, as people write it; None as the code says it, however
        // a diagram writes it (no state is named NONE).
        String state = value.substring(value.lastIndexOf('.') + 1);
        states.add(m.group(1) + " = "
            + (state.equalsIgnoreCase("None") ? "None" : state.toUpperCase(Locale.ROOT)));
      }
    }
    return states;
  }

  /** A state as written: {@code None}, {@code PAUSED}, {@code vm_states.PAUSED} or its value. */
  private static boolean isStateValue(String value) {
    String last = value.substring(value.lastIndexOf('.') + 1);
    return value.equals("None") || last.matches("[A-Z][A-Z0-9_]*")
        || value.startsWith("vm_states.") || value.startsWith("task_states.");
  }

  private static boolean isDatabase(String participant) {
    String p = participant.toLowerCase(Locale.ROOT);
    return p.contains("database") || p.equals("db") || p.endsWith("_db");
  }}
