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
  void aLineNumberIsReadButTakesNoPartInIdentity() {
    Anchor withLine = Anchor.parse("# nova/compute/api.py:4151 confirm_resize()").orElseThrow();
    assertEquals("nova/compute/api.py", withLine.path());
    assertEquals("confirm_resize", withLine.function());
    assertEquals(4151, withLine.line());
    assertEquals(0, Anchor.parse("nova/compute/api.py confirm_resize()").orElseThrow().line());
    assertEquals(new Anchor("nova/compute/api.py", "confirm_resize"), withLine);
    assertEquals(new Anchor("nova/compute/api.py", "confirm_resize").hashCode(),
        withLine.hashCode());
    assertEquals(4151, Anchor.parse("nova/compute/api.py:4151").orElseThrow().line());
    assertEquals("nova/compute/api.py confirm_resize()", withLine.toString());
  }

  @Test
  void proseIsNoAnchor() {
    assertTrue(Anchor.parse("the API answers first").isEmpty());
    assertTrue(Anchor.parse("see nova/compute/api.py").isEmpty());
    assertTrue(Anchor.parse("novatrace 0.1.0 · Nova 34.0.0 · pause · detail standard").isEmpty());
  }
}
