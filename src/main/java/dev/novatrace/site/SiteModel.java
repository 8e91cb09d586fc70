package dev.novatrace.site;

import dev.novatrace.detail.Detail;
import dev.novatrace.render.SourceLinks;
import java.util.List;

/**
 * The site as a whole: the release it shows, the version of novatrace that made it, the levels
 * of detail drawn, the releases compared with, the links to source (null: none), and the
 * options the deployment it draws sets otherwise than the tree's defaults ("" for a value set).
 */
record SiteModel(String project, String release, String tool, List<Detail> levels,
    List<Release> others, SourceLinks links, List<String> deployment) {
  SiteModel {
    levels = List.copyOf(levels);
    others = List.copyOf(others);
    deployment = List.copyOf(deployment);
  }

  /** A site of Nova with the tree's default deployment. */
  SiteModel(String release, String tool, List<Detail> levels, List<Release> others,
      SourceLinks links) {
    this("Nova", release, tool, levels, others, links, List.of());
  }
}
