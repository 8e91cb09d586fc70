package dev.novatrace.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnchorTest {

  @Test
  void acceptsEveryStylePeopleWrite() {
    assertEquals(Optional.of(new Anchor("nova/compute/api.py", "pause")),
        Anchor.parse("nova/compute/api.py pause()"));
    assertEquals(Optional.of(new Anchor("nova/compute/api.py", "")),
        Anchor.parse("# nova/compute/api.py"));
    assertEquals(Optional.of(new Anchor("nova/compute/api.py", "pause")),
        Anchor.parse("nova/compute/api.py pause"));
    Anchor qualified = Anchor.parse("nova/compute/manager.py ComputeManager.pause_instance()")
        .orElseThrow();
    assertEquals("ComputeManager.pause_instance", qualified.function());
    assertEquals("pause_instance", qualified.simpleFunction());
    assertEquals("ComputeManager", qualified.owner());
    assertEquals("nova/compute.rpcapi.py", Anchor.parse("nova/compute.rpcapi.py x()")
        .orElseThrow().path());
  }

  @Test
  void proseIsNoAnchor() {
    assertTrue(Anchor.parse("the API answers first").isEmpty());
    assertTrue(Anchor.parse("see nova/compute/api.py").isEmpty());
  }
}
