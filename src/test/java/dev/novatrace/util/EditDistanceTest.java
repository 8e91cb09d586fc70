package dev.novatrace.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EditDistanceTest {
  private static final List<String> WORDS = List.of("", "a", "ab", "ba", "abc",
      "reserve_block_device_name", "reserve_block_device", "attach_volume", "detach_volume",
      "task_state = PAUSING", "task_state = UNPAUSING", "vm_state = PAUSED", "kitten", "sitting",
      "compute_rpcapi.attach_volume(ctxt, instance, bdm)");

  @Test
  void withinAgreesWithTheDistanceForEveryPairAndBound() {
    for (String a : WORDS) {
      for (String b : WORDS) {
        int d = EditDistance.between(a, b);
        for (int max = 0; max <= 30; max++) {
          assertEquals(d <= max, EditDistance.within(a, b, max), a + " / " + b + " / " + max);
        }
      }
    }
    assertEquals(3, EditDistance.between("kitten", "sitting"));
  }
}
