package dev.novatrace.site;

import dev.novatrace.detail.Detail;
import dev.novatrace.diff.ActionDiff;
import dev.novatrace.project.ApiAction;
import dev.novatrace.trace.Step;
import java.util.List;
import java.util.Set;

/**
 * Everything one action's page and its index row show. {@code facts} are read from the diagram
 * at {@code main} detail; {@code failed} names the files that could not be made (an SVG PlantUML
 * refused), so a page says so instead of showing a broken image; {@code notes} are what the
 * reader must know about the trace (a file on its route did not parse).
 */
record ActionView(ApiAction action, ActionFacts facts, List<Detail> levels, Detail main,
    Set<String> failed, List<String> notes, List<DiffView> diffs) {

  /** The diff of this action against another release; {@code diff} is null when it is new. */
  record DiffView(Release other, ActionDiff diff) {}

  ActionView {
    levels = List.copyOf(levels);
    failed = Set.copyOf(failed);
    notes = List.copyOf(notes);
    diffs = List.copyOf(diffs);
  }

  String name() {
    return action.name();
  }

  Step.Origin entry() {
    return Step.Origin.of(action.entry());
  }

  /** The page, relative to the site's folder. */
  String page() {
    return SiteFiles.page(name());
  }
}
