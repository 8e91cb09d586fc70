package dev.novatrace.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class StateChangesTest {

  private static Set<String> of(String text) {
    return StateChanges.of(new FlatStep(FlatStep.Kind.CALL, "nova_compute", "database", text,
        null, 0, 0));
  }

  /** States are named as people write them, and None as the code says it. */
  @Test
  void namesStatesAsTheCodeSaysThem() {
    assertEquals(Set.of("task_state = None", "vm_state = PAUSED"),
        of("save: task_state = None, vm_state = vm_states.PAUSED"));
    // A diagram's NONE is the code's None: the two compare equal.
    assertEquals(of("task_state = None"), of("task_state = NONE"));
  }

  @Test
  void onlyDatabaseWritesChangeAState() {
    assertEquals(Set.of(), StateChanges.of(new FlatStep(FlatStep.Kind.CALL, "nova_api",
        "nova_compute", "task_state = PAUSING", null, 0, 0)));
  }
}
