package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.index.ClassInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The keys of a dict a caller writes as a display decide the callee's tests of them, on fixture
 * {@code dict-shapes}: {@code 'k' in d} and {@code d.get('k')} through a local that reads an
 * inner dict ({@code new_port = port['port']}, its key a named constant) and a parameter it is
 * handed on to; a dict changed in place on the path, or one whose keys are not all known
 * ({@code **changes}), decides nothing.
 */
class DictShapesTest {
  private final Resolver resolver = FixtureTrees.resolver("dict-shapes", "shapes");
  private final ClassInfo plugin = FixtureTrees.cls(resolver, "shapes.plugin.Plugin");

  private final ClassInfo allocator = FixtureTrees.cls(resolver, "shapes.plugin.Allocator");

  private final ClassInfo matcher = FixtureTrees.cls(resolver, "shapes.plugin.Matcher");

  private List<String> traced(String method) {
    return traced(plugin, method);
  }

  private List<String> traced(ClassInfo cls, String method) {
    TraceProfile profile = FixtureProfile.of("shapes/db/", List.of());
    List<Step> steps = new Tracer(resolver, profile, 10)
        .traceEntry(cls.methods().get(method), "server", 0, null);
    return Step.walk(steps).map(s -> s instanceof Step.Message m ? m.label()
        : s instanceof Step.Block b ? b.kind() + " " + b.branches().get(0).condition() : "")
        .filter(s -> !s.isEmpty()).toList();
  }

  /**
   * {@code host = new_host if is_set(new_host) else old_host}: where the caller's dict has no
   * host, is_set(None) returns False, so host is old_host, and {@code host and not old_host}
   * cannot hold: the deferred allocation never runs. Given a host, it may: only where the
   * port's optional allocation field says deferred, a condition of the request's making.
   */
  @Test
  void aLocalThatIsAnotherCannotBeBothTrueAndFalse() {
    assertEquals(List.of(), traced("defer_down"));
    assertEquals(List.of("CHOICE not deferred", "Allocation.create"), traced("defer_move"));
  }

  /**
   * A for loop's else: a choice after the loop where its body can break, the rest of the
   * path where it cannot. The rows a classmethod of the base returns, called on a subclass
   * ({@code Audit.get_all}, {@code cls._load(...)}), are of that subclass.
   */
  @Test
  void aLoopsElseRunsWhenNoBreakEndedIt() {
    assertEquals(List.of("LOOP for want in wanted", "Row.get_all",
        "LOOP for row in rows.Audit.get_all(context)",
        "CHOICE row == want", "Audit.delete", "CHOICE no break in for row in "
            + "rows.Audit.get_all(context)", "Allocation.create"), traced(matcher, "sync"));
    assertEquals(List.of("LOOP for want in wanted", "Audit.create", "Binding.create"),
        traced(matcher, "each"));
  }

  @Test
  void keysTheCallerLeftOutAreNotThere() {
    assertEquals(List.of(), traced("mark_down"));
  }

  @Test
  void aKeyTheCallerWroteIsThere() {
    assertEquals(List.of("CHOICE new_port.get(constants.HOST_ID)", "Binding.create"),
        traced("move"));
  }

  @Test
  void aDictChangedOnThePathDecidesNothing() {
    assertEquals(List.of("CHOICE 'fixed_ips' in new_port", "Allocation.create"),
        traced("readdress"));
  }

  @Test
  void aDisplayWithKeysNotKnownDecidesNothing() {
    assertEquals(List.of("CHOICE 'host' in change", "Audit.create"), traced("audit"));
  }

  /**
   * {@code changes = self.Changes(add=[], remove=[])} and {@code extra = []}, filled only in a
   * branch the path does not take: the loop over {@code changes.add} and the test of
   * {@code extra} are no choice.
   */
  @Test
  void anEmptyCollectionNothingFillsIsNoLoopAndNoChoice() {
    assertEquals(List.of(), traced(allocator, "allocate_nothing"));
    assertEquals(List.of("LOOP for ip in changes.add", "Allocation.create", "CHOICE extra",
        "Audit.create"), traced(allocator, "allocate_some"));
  }

  @Test
  void anEmptyListHandedToACallMayComeBackFilled() {
    assertEquals(List.of("CHOICE found", "Audit.create", "LOOP for f in found",
        "Allocation.create"), traced(allocator, "collect"));
  }
}
