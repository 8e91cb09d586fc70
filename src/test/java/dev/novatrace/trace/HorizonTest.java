package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.novatrace.index.FunctionInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A helper reached at several depths, on fixture {@code horizon} ({@code entry} calls
 * {@code save} twice, then again three levels down): one trace of it serves every depth its
 * horizon allows ({@link Horizon}), none where the horizon stops what it follows, and each depth
 * has its own step lists, the same at one depth ({@link DepthViews}), as a detail policy tells
 * repeated code by them.
 */
class HorizonTest {
  private final Resolver resolver = FixtureTrees.resolver("horizon", "deep");
  private final TraceProfile profile = FixtureProfile.of("deep/db/", List.of());

  private List<Step> entry(int horizon) {
    FunctionInfo entry = resolver.index().module("deep.api").orElseThrow().functions()
        .get("entry");
    return new Tracer(resolver, profile, horizon).traceEntry(entry, "server", 0, null);
  }

  private static long creates(List<Step> steps) {
    return Step.walk(steps).filter(s -> s instanceof Step.Message m
        && m.label().equals("Row.create")).count();
  }

  /** The steps of each Local that calls {@code save}, in order. */
  private static List<List<Step>> saves(List<Step> steps) {
    return Step.walk(steps).filter(s -> s instanceof Step.Local l
        && l.callee().function().equals("save")).map(s -> ((Step.Local) s).steps()).toList();
  }

  @Test
  void aHelperTheHorizonStopsBelowDrawsNothingThereThoughItDrewAboveIt() {
    // Horizon 3: save at depth 3 may not follow write; at depth 1 it does.
    assertEquals(2, creates(entry(3)));
    assertEquals(3, creates(entry(4)));
    assertEquals(3, creates(entry(10)));
  }

  @Test
  void eachDepthHasListsOfItsOwnTheSameAtOneDepth() {
    List<List<Step>> saves = saves(entry(10));
    assertEquals(3, saves.size());
    assertSame(saves.get(0), saves.get(1));
    assertNotSame(saves.get(0), saves.get(2));
    assertEquals(saves.get(0), saves.get(2));
  }
}
