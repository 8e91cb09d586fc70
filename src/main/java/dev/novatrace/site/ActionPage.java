package dev.novatrace.site;

import dev.novatrace.detail.Detail;
import dev.novatrace.diff.ActionDiff;
import dev.novatrace.diff.Alignment.OpType;
import dev.novatrace.diff.Anchor;
import dev.novatrace.diff.DiffText;
import dev.novatrace.diff.Hunks;
import java.util.List;
import java.util.Locale;

/**
 * One action's page: facts, the diagram at each level, the source anchors, the files to
 * download, and the diff against each release compared with.
 */
final class ActionPage {
  /** Diagram files offered for download, in this order, for each level. */
  static final List<String> DOWNLOADS = List.of("wsd", "puml", "mmd", "json");

  private final SiteModel site;
  private final ActionView view;
  private final StringBuilder b = new StringBuilder(8192);

  private ActionPage(SiteModel site, ActionView view) {
    this.site = site;
    this.view = view;
  }

  static String render(SiteModel site, ActionView view) {
    return new ActionPage(site, view).page();
  }

  private String page() {
    b.append(Html.head(view.name() + " · " + site.project() + " " + site.release(), "../"));
    b.append("<body>\n<header><a href=\"../").append(SiteFiles.INDEX)
        .append("\">All actions</a> · ").append(site.project()).append(" ").append(Html.text(site.release())).append("</header>\n");
    b.append("<main>\n<h1>").append(Html.text(view.name())).append("</h1>\n");
    facts();
    contents();
    view.levels().forEach(this::level);
    anchors();
    downloads();
    view.diffs().forEach(this::diff);
    b.append("</main>\n").append(SitePage.footer(site)).append("</body>\n</html>\n");
    return b.toString();
  }

  private void facts() {
    ActionFacts f = view.facts();
    b.append("<dl class=\"facts\">\n");
    if (!view.action().aliases().isEmpty()) {
      fact("Also called", Html.text(String.join(", ", view.action().aliases())));
    }
    fact("Request", SitePage.request(view.action()));
    fact("Entry", SitePage.anchor(site.links(), view.entry().anchorText()));
    fact("Services", Html.text(String.join(", ", f.services())));
    if (!f.rpcMethods().isEmpty()) {
      fact("RPC methods", "<code>" + Html.text(String.join(", ", f.rpcMethods())) + "</code>");
    }
    fact("Messages", f.messages() + " (" + f.stateChanges() + " change an instance state), at "
        + view.main().label() + " detail");
    b.append("</dl>\n");
    view.notes().forEach(n -> b.append("<p class=\"note\">").append(Html.text(n)).append("</p>\n"));
  }

  private void fact(String term, String html) {
    b.append("<dt>").append(term).append("</dt><dd>").append(html).append("</dd>\n");
  }

  private void contents() {
    b.append("<nav class=\"toc\">");
    view.levels().forEach(d -> b.append("<a href=\"#").append(d.label()).append("\">")
        .append(title(d)).append("</a> "));
    b.append("<a href=\"#source\">Source</a> <a href=\"#downloads\">Downloads</a>");
    view.diffs().forEach(d -> b.append(" <a href=\"#diff-").append(Html.text(d.other().slug()))
        .append("\">Since ").append(Html.text(d.other().label())).append("</a>"));
    b.append("</nav>\n");
  }

  private void level(Detail d) {
    b.append("<section id=\"").append(d.label()).append("\">\n<h2>").append(title(d))
        .append("</h2>\n<p>").append(SitePage.describe(d)).append("</p>\n");
    String svg = SiteFiles.diagram(view.name(), d, "svg");
    diagram(svg, view.name() + " at " + d.label() + " detail", site.links() != null);
    b.append("</section>\n");
  }

  /**
   * The picture, or a line saying why there is none; a click opens the SVG on its own, where
   * its links work ({@code linked}: it has some).
   */
  private void diagram(String svg, String alt, boolean linked) {
    if (view.failed().contains(svg)) {
      b.append("<p class=\"note\">This diagram could not be drawn; the text files below still"
          + " hold it.</p>\n");
      return;
    }
    b.append("<div class=\"diagram\"><a href=\"").append(Html.text(svg)).append("\"><img src=\"")
        .append(Html.text(svg)).append("\" alt=\"").append(Html.text(alt)).append("\"></a></div>\n");
    if (linked) {
      b.append("<p class=\"hint\">Open the diagram on its own (click it) to follow a message to"
          + " its source.</p>\n");
    }
  }

  private void anchors() {
    b.append("<section id=\"source\">\n<h2>Source</h2>\n<p>The functions the ")
        .append(view.main().label()).append(" diagram draws, in the order it reaches them.</p>\n")
        .append("<ol class=\"anchors\">\n");
    for (Anchor a : view.facts().anchors()) {
      String text = a.path() + (a.line() > 0 ? ":" + a.line() : "") + " " + a.function() + "()";
      b.append("<li>").append(SitePage.anchor(site.links(), text)).append("</li>\n");
    }
    b.append("</ol>\n</section>\n");
  }

  private void downloads() {
    b.append("<section id=\"downloads\">\n<h2>Downloads</h2>\n<p>The diagram as text:"
        + " <code>.wsd</code> for websequencediagrams, <code>.puml</code> for PlantUML,"
        + " <code>.mmd</code> for Mermaid, and <code>.json</code>, the trace it was drawn from.</p>"
        + "\n<ul class=\"downloads\">\n");
    for (Detail d : view.levels()) {
      b.append("<li>").append(d.label()).append(":");
      for (String ext : DOWNLOADS) {
        String file = SiteFiles.diagram(view.name(), d, ext);
        b.append(" <a href=\"").append(Html.text(file)).append("\" download>").append(Html.text(file))
            .append("</a>");
      }
      b.append("</li>\n");
    }
    b.append("</ul>\n</section>\n");
  }

  private void diff(ActionView.DiffView d) {
    String other = Html.text(d.other().label());
    b.append("<section id=\"diff-").append(Html.text(d.other().slug())).append("\">\n<h2>Since ")
        .append(other).append("</h2>\n");
    ActionDiff a = d.diff();
    if (a == null) {
      b.append("<p>New: ").append(other).append(" has no such action.</p>\n</section>\n");
      return;
    }
    b.append("<table class=\"summary\">\n");
    row("steps in " + other, a.before().size());
    row("steps in " + Html.text(site.release()), a.after().size());
    row("added", a.count(OpType.ADDED));
    row("removed", a.count(OpType.REMOVED));
    row("changed", a.count(OpType.CHANGED));
    row("anchors moved", a.anchorMoves().size());
    b.append("</table>\n");
    if (!a.differs()) {
      b.append("<p>Unchanged at ").append(view.main().label()).append(" detail.</p>\n</section>\n");
      return;
    }
    // As `diff` writes it: hunks of steps with the lines around each change, a changed label's
    // words as [-old-]{+new+}.
    b.append("<pre class=\"changes\"><code>");
    DiffText.hunks(a, Hunks.DEFAULT_CONTEXT).forEach(l -> b.append("<span class=\"")
        .append(lineClass(l)).append("\">").append(Html.text(l)).append("</span>\n"));
    b.append("</code></pre>\n<p>Lines of <code>+</code> are steps added since ").append(other)
        .append(", of <code>-</code> steps removed, of <code>~</code> steps changed (their"
            + " words as <code>[-old-]{+new+}</code>); <code>@@</code> says where each hunk"
            + " starts.</p>\n");
    diagram(SiteFiles.diff(view.name(), d.other(), "svg"), view.name() + " since "
        + d.other().label(), false);
    b.append("<p><a href=\"").append(Html.text(SiteFiles.diff(view.name(), d.other(), "wsd")))
        .append("\" download>.wsd of the diff</a></p>\n</section>\n");
  }

  /** How a line of a diff is shown: added, removed, changed, a hunk's header, or context. */
  private static String lineClass(String line) {
    if (line.startsWith("@@")) {
      return "hunk";
    }
    if (line.startsWith("+")) {
      return "add";
    }
    if (line.startsWith("~")) {
      return "chg";
    }
    return line.startsWith("-") ? "del" : "ctx";
  }

  /** A line of the summary: a table one number wide fits a phone. */
  private void row(String html, int n) {
    b.append("<tr><th>").append(html).append("</th><td class=\"n\">").append(n)
        .append("</td></tr>\n");
  }

  private static String title(Detail d) {
    String l = d.label();
    return l.substring(0, 1).toUpperCase(Locale.ROOT) + l.substring(1);
  }
}
