package dev.novatrace.site;

import dev.novatrace.detail.Detail;
import dev.novatrace.project.ApiAction;
import dev.novatrace.render.SourceLinks;

/** Pieces that the index and the action pages show alike. */
final class SitePage {
  private SitePage() {}

  /** {@code POST /servers/{id}/action} and, for an action of that resource, its key. */
  static String request(ApiAction a) {
    String http = a.httpMethod() + " " + a.path();
    String html = "<code>" + Html.text(http) + "</code>";
    return a.requestLabel().equals(http) ? html
        : html + " <code class=\"key\">" + Html.text(a.requestLabel()) + "</code>";
  }

  /** {@code nova/compute/api.py:4838 pause()}, linked to its source when links are asked for. */
  static String anchor(SourceLinks links, String anchorText) {
    String url = links == null ? null : links.forAnchor(anchorText).orElse(null);
    // A path may break after each slash: a long one stays readable in a narrow column.
    return Html.link(url, "<code>" + Html.text(anchorText).replace("/", "/<wbr>") + "</code>");
  }

  static String describe(Detail d) {
    return switch (d) {
      case OVERVIEW -> "The RPC skeleton: every message between Nova services, every state"
          + " change, and the blocks that choose between them.";
      case STANDARD -> "What a person draws: the overview, plus the virt driver, the services"
          + " Nova calls, database writes and the notes a reader follows.";
      case FULL -> "Everything the tracer followed.";
    };
  }

  static String footer(SiteModel site) {
    return "<footer>Drawn from the code of " + site.project() + " " + Html.text(site.release()) + " by novatrace "
        + Html.text(site.tool()) + ".</footer>\n";
  }
}
