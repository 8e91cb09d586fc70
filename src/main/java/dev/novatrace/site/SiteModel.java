package dev.novatrace.site;

import dev.novatrace.detail.Detail;
import dev.novatrace.render.SourceLinks;
import java.util.List;

/**
 * The site as a whole: the release it shows, the version of novatrace that made it, the levels
 * of detail drawn, the releases compared with, and the links to source (null: none).
 */
record SiteModel(String project, String release, String tool, List<Detail> levels,
    List<Release> others, SourceLinks links) {
  SiteModel {
    levels = List.copyOf(levels);
    others = List.copyOf(others);
  }

  /** A site of Nova. */
  SiteModel(String release, String tool, List<Detail> levels, List<Release> others,
      SourceLinks links) {
    this("Nova", release, tool, levels, others, links);
  }
}
