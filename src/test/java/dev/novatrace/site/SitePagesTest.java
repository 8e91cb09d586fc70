package dev.novatrace.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.detail.Detail;
import dev.novatrace.project.ApiAction;
import dev.novatrace.project.SourceTree;
import dev.novatrace.testing.Fixtures;
import dev.novatrace.testing.MiniNova;
import dev.novatrace.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site of the fixture tree, compared with the Mitaka-shaped fixture: pages are
 * byte-identical from run to run, every local link and image names a file that was written,
 * and text from code or the command line reaches a page as text, never as markup.
 */
class SitePagesTest {
  private static final SiteBuilder.Options OPTIONS = new SiteBuilder.Options(
      List.of(Detail.OVERVIEW, Detail.STANDARD), Workspace.DEFAULT_DEPTH, null);
  private static final Pattern LOCAL_REF = Pattern.compile("(?:href|src)=\"([^\"#:]+)[^\"]*\"");

  static Workspace mitaka;

  @TempDir static Path tmp;
  /** The site most tests read, built once. */
  static Path site;
  static SiteBuilder.Result built;

  @BeforeAll
  static void buildOnce() throws IOException {
    mitaka = Workspace.load(new SourceTree(Fixtures.ROOT.resolve("trace/mitaka"), "mitaka"),
        "libvirt", null);
    site = tmp.resolve("site");
    built = build(site);
  }

  private static SiteBuilder.Result build(Path dir) throws IOException {
    Workspace ws = MiniNova.workspace();
    return SiteBuilder.build(ws, List.of(mitaka), ws.actions(), true, OPTIONS, dir,
        (done, total, name) -> { });
  }

  @Test
  void twoRunsWriteTheSameBytes() throws IOException {
    build(tmp.resolve("again"));
    TreeMap<String, byte[]> a = files(site);
    TreeMap<String, byte[]> b = files(tmp.resolve("again"));
    assertEquals(a.keySet(), b.keySet());
    a.forEach((name, bytes) -> assertArrayEquals(bytes, b.get(name), name));
    assertEquals(built.files(), a.size());
    assertEquals(List.of(), built.problems());
  }

  @Test
  void everyLocalLinkAndImageIsAFileOfTheSite() throws IOException {
    Path dir = site;
    int checked = 0;
    for (String page : files(dir).keySet().stream().filter(p -> p.endsWith(".html")).toList()) {
      Path base = dir.resolve(page).getParent();
      Matcher m = LOCAL_REF.matcher(Files.readString(dir.resolve(page)));
      while (m.find()) {
        if (!m.group(1).startsWith("data")) {
          assertTrue(Files.isRegularFile(base.resolve(m.group(1))), page + " -> " + m.group(1));
          checked++;
        }
      }
    }
    assertTrue(checked > 14 * 10, "links checked: " + checked);
  }

  @Test
  void anActionPageHasBothLevelsTheDownloadsAndTheDiff() throws IOException {
    Path dir = site;
    String boot = Files.readString(dir.resolve("actions/boot.html"));
    for (String part : List.of("<img src=\"boot.overview.svg\"", "<img src=\"boot.standard.svg\"",
        "href=\"boot.standard.wsd\" download", "href=\"boot.overview.mmd\" download",
        "href=\"boot.standard.puml\" download", "href=\"boot.standard.json\" download",
        "<h2>Since mitaka</h2>", "<img src=\"boot.diff-mitaka.svg\"",
        // The diff as `diff` writes it: hunks, not a list of changes.
        "<pre class=\"changes\"><code>", "<span class=\"hunk\">@@ -",
        "<code>nova/<wbr>api/<wbr>openstack/<wbr>compute/<wbr>servers.py:")) {
      assertTrue(boot.contains(part), part);
    }
    String index = Files.readString(dir.resolve("index.html"));
    assertTrue(index.contains("<th>Since mitaka</th>"), index);
    assertTrue(index.contains("<a href=\"actions/boot.html#diff-mitaka\">changed</a>"), index);
  }

  @Test
  void textFromCodeAndCommandLineIsEscaped() {
    ApiAction pause = MiniNova.workspace().action("pause");
    ApiAction hostile = pause.withName("<script>alert(1)</script>", List.of("a&b", "\"q'"));
    ActionFacts facts = new ActionFacts(List.of("nova_api", "<b>db</b>"), 3, 1,
        List.of("do_<it>"), List.of());
    Release other = new Release("\"><img src=x onerror=alert(2)>", "x", List.of("<gone>"));
    ActionView view = new ActionView(hostile, facts, List.of(Detail.STANDARD), Detail.STANDARD,
        Set.of(), List.of("Partial: <i>x</i>"), List.of(new ActionView.DiffView(other, null)));
    SiteModel site = new SiteModel("<rel>", "dev", List.of(Detail.STANDARD), List.of(other), null);
    for (String html : List.of(ActionPage.render(site, view), IndexPage.render(site,
        List.of(view)))) {
      for (String raw : List.of("<script>alert", "<img src=x", "<b>db", "<it>", "<i>x", "<rel>",
          "<gone>", "a&b", "\"q'")) {
        assertFalse(html.contains(raw), raw + " in\n" + html);
      }
      assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
      assertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"), html);
    }
  }

  @Test
  void factsCountMessagesNotRepliesAndStateWrites() throws IOException {
    Path dir = site;
    String index = Files.readString(dir.resolve("index.html"));
    // pause in the fixture: client->api, save of task_state, the cast, the driver call and the
    // save of vm_state/task_state; the replies are not counted.
    Matcher m = Pattern.compile("actions/pause.html\">pause</a>.*?data-label=\"Messages\""
        + " class=\"n\">(\\d+)</td><td data-label=\"State changes\" class=\"n\">(\\d+)")
        .matcher(index);
    assertTrue(m.find(), index);
    String wsd = Files.readString(dir.resolve("actions/pause.standard.wsd"));
    long sent = wsd.lines().filter(l -> l.matches("\\w+->>?\\w+: .*")).count();
    long states = wsd.lines().filter(l -> l.matches("\\w+->>?\\w+: .*(_state|status).*")).count();
    assertEquals(sent, Long.parseLong(m.group(1)), wsd);
    assertEquals(states, Long.parseLong(m.group(2)), wsd);
    assertTrue(states > 0, wsd);
  }

  @Test
  void staleActionFilesAreRemovedAndOtherFilesKept() throws IOException {
    Path dir = tmp.resolve("stale");
    build(dir);
    Files.writeString(dir.resolve("actions/gone.html"), "old");
    Files.writeString(dir.resolve("CNAME"), "example.org");
    SiteBuilder.Result r = build(dir);
    assertEquals(1, r.removed());
    assertFalse(Files.exists(dir.resolve("actions/gone.html")));
    assertTrue(Files.exists(dir.resolve("CNAME")));
  }

  @Test
  void slugsNameTreesByTheirLastFolder() {
    assertEquals("31.0.0", Release.slug("31.0.0"));
    assertEquals("nova-master", Release.slug("/src/nova-master/"));
    assertEquals("my-tree", Release.slug("../my tree"));
    assertEquals("pwned-b", Release.slug("x/..\\/tmp/pwned\"><b>"));
  }

  private static TreeMap<String, byte[]> files(Path dir) throws IOException {
    TreeMap<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }
}
