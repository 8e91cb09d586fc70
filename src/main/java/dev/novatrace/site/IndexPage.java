package dev.novatrace.site;

import dev.novatrace.diff.ActionDiff;
import dev.novatrace.diff.Alignment.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code index.html}: every action in one table, and a search box that hides the rows not
 * matching what is typed (search.js; without JavaScript every row stays visible).
 */
final class IndexPage {
  private final SiteModel site;
  private final StringBuilder b = new StringBuilder(65536);

  private IndexPage(SiteModel site) {
    this.site = site;
  }

  static String render(SiteModel site, List<ActionView> actions) {
    return new IndexPage(site).page(actions);
  }

  private String page(List<ActionView> actions) {
    b.append(Html.head(site.project() + " " + site.release() + " workflows", ""));
    b.append("<body>\n<main>\n<h1>").append(site.project()).append(" ").append(Html.text(site.release()))
        .append(" workflows</h1>\n<p>Every action of the API, traced through ")
        .append(site.project()).append("'s services from"
            + " its code. Pick one for its sequence diagrams.</p>\n");
    // Which deployment the branches are drawn for: the tree's defaults, or what was set.
    b.append("<p class=\"deployment\">Drawn for ").append(site.deployment().isEmpty()
        ? "the deployment the tree's option and policy defaults describe"
        : "a deployment that sets " + Html.text(String.join("; ", site.deployment())))
        .append(" (each diagram's <code># assumes</code> line names the options, policy rules"
            + " and caller role that decided its branches).</p>\n");
    b.append("<p class=\"search\"><label for=\"search\">Search</label> <input id=\"search\""
        + " type=\"search\" placeholder=\"name, path, RPC method or service\" autocomplete=\"off\">"
        + " <span id=\"shown\">").append(actions.size()).append(" actions</span></p>\n");
    table(actions);
    site.others().forEach(this::removed);
    b.append("</main>\n").append(SitePage.footer(site))
        .append("<script src=\"").append(SiteFiles.SEARCH).append("\"></script>\n")
        .append("</body>\n</html>\n");
    return b.toString();
  }

  private void table(List<ActionView> actions) {
    b.append("<table id=\"actions\">\n<thead><tr><th>Action</th><th>Request</th><th>Entry</th>"
        + "<th>Services</th><th title=\"messages sent at ").append(actions.isEmpty() ? "standard"
            : actions.get(0).main().label()).append(" detail, replies not counted\">Messages</th>"
            + "<th title=\"messages that write an instance state\">State changes</th>");
    site.others().forEach(o -> b.append("<th>Since ").append(Html.text(o.label())).append("</th>"));
    b.append("</tr></thead>\n<tbody>\n");
    actions.forEach(this::row);
    b.append("</tbody>\n</table>\n");
  }

  private void row(ActionView v) {
    ActionFacts f = v.facts();
    b.append("<tr data-search=\"").append(Html.text(searchText(v))).append("\">");
    b.append("<td data-label=\"Action\"><a href=\"").append(Html.text(v.page())).append("\">")
        .append(Html.text(v.name())).append("</a>");
    if (!v.action().aliases().isEmpty()) {
      b.append("<br><small>").append(Html.text(String.join(", ", v.action().aliases())))
          .append("</small>");
    }
    b.append("</td><td data-label=\"Request\">").append(SitePage.request(v.action()))
        .append("</td><td data-label=\"Entry\">")
        .append(SitePage.anchor(site.links(), v.entry().anchorText()))
        .append("</td><td data-label=\"Services\">").append(Html.text(String.join(", ", f.services())));
    if (!f.rpcMethods().isEmpty()) {
      b.append("<br><small>RPC: ").append(Html.text(String.join(", ", f.rpcMethods())))
          .append("</small>");
    }
    b.append("</td><td data-label=\"Messages\" class=\"n\">").append(f.messages())
        .append("</td><td data-label=\"State changes\" class=\"n\">").append(f.stateChanges())
        .append("</td>");
    v.diffs().forEach(d -> b.append("<td class=\"change\" data-label=\"Since ").append(Html.text(d.other().label()))
        .append("\">").append(change(v, d)).append("</td>"));
    b.append("</tr>\n");
  }

  /** What the search box matches: everything the row says, and the RPC methods. */
  static String searchText(ActionView v) {
    List<String> words = new ArrayList<>();
    words.add(v.name());
    words.addAll(v.action().aliases());
    words.add(v.action().httpMethod() + " " + v.action().path());
    words.add(v.action().requestLabel());
    words.add(v.entry().anchorText());
    words.addAll(v.facts().services());
    words.addAll(v.facts().rpcMethods());
    return String.join(" ", words).toLowerCase(Locale.ROOT);
  }

  private static String change(ActionView v, ActionView.DiffView d) {
    String href = Html.text(v.page() + "#diff-" + d.other().slug());
    ActionDiff a = d.diff();
    if (a == null) {
      return "<a href=\"" + href + "\">new</a>";
    }
    if (!a.differs()) {
      return "same";
    }
    return "<a href=\"" + href + "\">changed</a> <small>+" + a.count(OpType.ADDED) + " −"
        + a.count(OpType.REMOVED) + " ~" + a.count(OpType.CHANGED) + "</small>";
  }

  private void removed(Release other) {
    if (other.removed().isEmpty()) {
      return;
    }
    b.append("<p>In ").append(Html.text(other.label())).append(" but not in ")
        .append(Html.text(site.release())).append(": ")
        .append(Html.text(String.join(", ", other.removed()))).append(".</p>\n");
  }
}
