package dev.novatrace.trace;

import java.util.List;

/**
 * A function's body as the regions that decide whether its calls run, with the calls in them in
 * the order the code makes them: what {@link Regions} reads from the code, before any trace
 * decides which branch a caller's flags take.
 *
 * @param kind what makes this region
 * @param condition its test as written ({@code instance.host}, {@code case 'x'}, {@code for x in
 *     y}), or "" for a body, an else or a finally
 * @param line the line where the region starts
 * @param items the calls and the nested regions, in order
 */
public record Region(Kind kind, String condition, int line, List<RegionItem> items)
    implements RegionItem {

  public Region {
    items = List.copyOf(items);
  }

  /** A call in a region, and what it is. */
  public record Call(int line, String callee, CallSite site) implements RegionItem {}

  /**
   * BODY: a function's body. IF/ELSE: one branch of an if/elif/else. GUARD: {@code if x: ...;
   * return}, whose REST is the rest of the block it ends. LOOP: for/while. CASE: a match case.
   * TRY/HANDLER/FINALLY: the parts of a try. WITH: a context manager's block.
   */
  public enum Kind { BODY, IF, ELSE, GUARD, REST, LOOP, CASE, TRY, HANDLER, FINALLY, WITH }
}
