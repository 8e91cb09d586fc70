package dev.novatrace.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.cli.Main;
import dev.novatrace.diagram.wsd.WsdReader;
import dev.novatrace.diagram.write.MermaidWriter;
import dev.novatrace.diff.Snapshots;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The site of Nova 34.0.0 compared with 31.0.0, every action, opened from file:// in headless
 * Chromium: every page loads without a console error, every image and link resolves (source
 * links name a def line of the snapshot), the search box narrows the table, a phone does not
 * scroll the text sideways, and Mermaid accepts every .mmd. Screenshots go to
 * target/site-screenshots/ for a person to look at.
 */
class SiteBrowserIT {
  private static final String RELEASE = "34.0.0";
  private static final String OTHER = "31.0.0";
  private static final String SOURCE_URL =
      "https://opendev.org/openstack/nova/src/tag/{ref}/{path}#L{line}";
  private static final Pattern SOURCE_LINK = Pattern.compile(
      "https://opendev\\.org/openstack/nova/src/tag/" + Pattern.quote(RELEASE)
          + "/([\\w/.-]+\\.py)#L(\\d+)");
  private static final Path TARGET = Path.of("target");
  private static final Path SITE = TARGET.resolve("site-it");
  private static final Path SHOTS = TARGET.resolve("site-screenshots");

  static ChromeDriver driver;
  static List<Path> pages;

  @BeforeAll
  static void buildAndOpen() throws IOException {
    Snapshots.require(RELEASE, OTHER);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"site", "--nova", RELEASE, "--compare", OTHER,
        "--source-url", SOURCE_URL, "-o", SITE.toString()}, new PrintWriter(out),
        new PrintWriter(err));
    assertEquals(0, code, err.toString());
    try (Stream<Path> s = Files.list(SITE.resolve("actions"))) {
      pages = Stream.concat(Stream.of(SITE.resolve("index.html")),
          s.filter(p -> p.toString().endsWith(".html")).sorted()).toList();
    }
    driver = Browser.start(TARGET.resolve("chromium-profile-" + ProcessHandle.current().pid()));
    driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(3));
  }

  @AfterAll
  static void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  /** The console check sees errors at all: a page that logs one is caught. */
  @Test
  void theConsoleCheckCatchesAnError() throws IOException {
    Path bad = TARGET.resolve("site-console-check.html");
    Files.writeString(bad, "<!DOCTYPE html><script>console.error('on purpose')</script>");
    Browser.consoleErrors(driver);
    driver.get(bad.toUri().toString());
    assertTrue(Browser.consoleErrors(driver).stream().anyMatch(e -> e.contains("on purpose")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyPageLoadsCleanAndEveryImageAndLinkResolves() throws IOException {
    assertEquals(1 + 114, pages.size(), "index and one page per action");
    Map<Path, Set<String>> ids = new HashMap<>();
    List<String> fragments = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> sourceLinks = new TreeSet<>();
    int images = 0;
    Browser.consoleErrors(driver);
    for (Path page : pages) {
      driver.get(page.toUri().toString());
      // One round trip a page (four were a quarter of this test's time): images that did not
      // load, how many there are, the ids, the links.
      List<Object> read = (List<Object>) driver.executeScript("return ["
          + "Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0)"
          + ".map(i => i.src), document.images.length,"
          + " Array.from(document.querySelectorAll('[id]')).map(e => e.id),"
          + " Array.from(document.links).map(a => a.href)]");
      // After the script: what it or the page logged is this page's.
      Browser.consoleErrors(driver).forEach(e -> problems.add(page + ": console: " + e));
      strings(read.get(0)).forEach(src -> problems.add(page + ": image does not load: " + src));
      images += ((Number) read.get(1)).intValue();
      ids.put(page.toAbsolutePath().normalize(), new TreeSet<>(strings(read.get(2))));
      for (String href : strings(read.get(3))) {
        if (href.startsWith("file:")) {
          fragments.add(href);
        } else {
          sourceLinks.add(href);
        }
      }
    }
    fragments.forEach(href -> checkLocal(href, ids, problems));
    sourceLinks.forEach(href -> checkSource(href, problems));
    assertEquals(List.of(), problems, "pages: " + pages.size());
    assertTrue(images >= 114 * 2, "images: " + images);
    // One per anchor line of every diagram: fewer since branches a default deployment does not
    // take are one note each (482 on 34.0.0).
    assertTrue(sourceLinks.size() > 400, "source links: " + sourceLinks.size());
  }

  @Test
  void theSvgSourceLinksNameDefLines() throws IOException {
    List<String> problems = new ArrayList<>();
    Set<String> links = new TreeSet<>();
    try (Stream<Path> s = Files.list(SITE.resolve("actions"))) {
      for (Path svg : s.filter(p -> p.toString().endsWith(".svg")).toList()) {
        Matcher m = Pattern.compile("href=\"(https://[^\"]+)\"").matcher(Files.readString(svg));
        while (m.find()) {
          links.add(m.group(1));
        }
      }
    }
    links.forEach(l -> checkSource(l, problems));
    assertEquals(List.of(), problems);
    assertTrue(links.size() > 400, "links: " + links.size());
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSearchBoxNarrowsTheTable() throws IOException {
    driver.get(SITE.resolve("index.html").toUri().toString());
    int rows = driver.findElements(By.cssSelector("#actions tbody tr")).size();
    shot("index.png", 1280);
    driver.findElement(By.id("search")).sendKeys("migrate");
    List<String> shown = new ArrayList<>();
    // One script reads every row: shown or not, its visible text, its search text, its name.
    List<Object> states = (List<Object>) driver.executeScript("return Array.from("
        + "document.querySelectorAll('#actions tbody tr')).map(r => [getComputedStyle(r).display"
        + " !== 'none', r.innerText.toLowerCase(), r.dataset.search, r.cells[0].innerText])");
    for (Object o : states) {
      List<Object> row = (List<Object>) o;
      if ((Boolean) row.get(0)) {
        // A row the search keeps says why: its name, path or RPC methods hold the word.
        assertTrue(((String) row.get(1)).contains("migrate"), row.toString());
        shown.add(((String) row.get(3)).lines().findFirst().orElse(""));
      } else {
        assertFalse(((String) row.get(2)).contains("migrate"), row.toString());
      }
    }
    assertTrue(shown.containsAll(List.of("migrate", "migrate-live")), shown.toString());
    assertTrue(shown.size() < 10, shown.toString());
    assertEquals(shown.size() + " of " + rows + " actions",
        driver.findElement(By.id("shown")).getText());
    shot("index-search-migrate.png", 1280);
  }

  @Test
  @SuppressWarnings("unchecked")
  void onAPhoneOnlyTheDiagramsScrollSideways() throws IOException {
    Browser.phone(driver, 390, 844);
    try {
      for (String page : List.of("index.html", "actions/migrate-live.html")) {
        driver.get(SITE.resolve(page).toUri().toString());
        Number overflow = (Number) driver.executeScript("return document.documentElement"
            + ".scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow.intValue() <= 0, page + " scrolls sideways by " + overflow + "px");
      }
      driver.get(SITE.resolve("index.html").toUri().toString());
      driver.findElement(By.id("search")).sendKeys("migrate");
      List<Object> cards = (List<Object>) driver.executeScript("const rows = Array.from("
          + "document.querySelectorAll('#actions tbody tr')); return [rows.filter(r =>"
          + " getComputedStyle(r).display !== 'none').length, rows.filter(r =>"
          + " r.dataset.search.includes('migrate')).length]");
      assertEquals(cards.get(1), cards.get(0), "rows left by the search, shown as cards");
      Files.createDirectories(SHOTS);
      Files.write(SHOTS.resolve("phone-index-search.png"), driver.getScreenshotAs(OutputType.BYTES));
      driver.get(SITE.resolve("actions/migrate-live.html").toUri().toString());
      assertEquals(Boolean.TRUE, driver.executeScript("const d = document.querySelector("
          + "'#standard .diagram'); return d.scrollWidth > d.clientWidth"), "the wide diagram"
          + " scrolls in its box");
      Files.createDirectories(SHOTS);
      driver.executeScript("document.getElementById('overview').scrollIntoView()");
      Files.write(SHOTS.resolve("phone-migrate-live.png"), driver.getScreenshotAs(OutputType.BYTES));
    } finally {
      Browser.desktop(driver);
    }
  }

  @Test
  void anActionPageScreenshot() throws IOException {
    driver.get(SITE.resolve("actions/resize.html").toUri().toString());
    shot("action-resize.png", 1280);
    assertTrue(Files.size(SHOTS.resolve("action-resize.png")) > 10_000);
    driver.manage().window().setSize(new Dimension(1280, 1400));
    driver.executeScript("document.getElementById('diff-" + OTHER + "').scrollIntoView()");
    Files.write(SHOTS.resolve("action-resize-diff.png"), driver.getScreenshotAs(OutputType.BYTES));
    driver.manage().window().setSize(new Dimension(1280, 1000));
  }

  @Test
  void mermaidParsesEveryMmdAndRendersTheLargestWithItsDefaults() throws Exception {
    Path page = Mermaid.page(TARGET.resolve("mermaid"));
    List<Path> files;
    try (Stream<Path> s = Files.list(SITE.resolve("actions"))) {
      files = s.filter(p -> p.toString().endsWith(".mmd")).sorted().toList();
    }
    List<String> texts = new ArrayList<>();
    for (Path f : files) {
      texts.add(Files.readString(f, StandardCharsets.UTF_8));
    }
    driver.get(page.toUri().toString());
    List<String> answers = strings(driver.executeAsyncScript(Mermaid.PARSE_ALL, texts));
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      if (!answers.get(i).equals("ok")) {
        failed.add(files.get(i).getFileName() + ": " + answers.get(i));
      }
    }
    assertEquals(List.of(), failed, files.size() + " files");
    assertEquals(114 * 2, files.size());
    Path largest = files.stream().max(Comparator.comparingLong(SiteBrowserIT::size)).orElseThrow();
    // Mermaid refuses to draw a text longer than maxTextSize (50,000 characters by default).
    int longest = Files.readString(largest).length();
    assertTrue(longest < 50_000, largest + ": " + longest + " characters");
    String svg = (String) driver.executeAsyncScript(Mermaid.RENDER, Files.readString(largest));
    assertTrue(svg.startsWith("<svg") && !svg.contains("Maximum text size"), largest + ": "
        + svg.substring(0, Math.min(300, svg.length())));
    System.out.println("largest .mmd: " + largest.getFileName() + " " + longest + " characters");
  }

  /**
   * A diagram whose texts try to run script when Mermaid draws it with its defaults (strict
   * security): a {@code javascript:} title, HTML with event handlers, a script element, a link.
   * Its SVG is put into the page as a site would; the flag the payloads set stays unset.
   */
  @Test
  void hostileLabelsRunNoScriptWhenMermaidDrawsThem() throws Exception {
    Path page = Mermaid.page(TARGET.resolve("mermaid"));
    String run = "window.pwned=1";
    String wsd = "title javascript:" + run + "\n"
        + "participant \"<img src=x onerror=" + run + ">\" as a\n"
        + "a->b: <img src=x onerror=" + run + "> <script>" + run + "</script>\n"
        + "note over b: <a href=\"javascript:" + run + "\">x</a> <svg onload=" + run + ">\n"
        + "alt <iframe src=javascript:" + run + ">\n  b->a: %%{init: {'securityLevel':'loose'}}%%\n"
        + "end\n";
    String mmd = MermaidWriter.write(WsdReader.read(wsd, "hostile.wsd"));
    driver.get(page.toUri().toString());
    String svg = (String) driver.executeAsyncScript(Mermaid.RENDER, mmd);
    assertTrue(svg.startsWith("<svg"), mmd + "\n" + svg.substring(0, Math.min(300, svg.length())));
    driver.executeScript("document.body.insertAdjacentHTML('beforeend', arguments[0]);", svg);
    Thread.sleep(1000);
    assertEquals(Boolean.TRUE, driver.executeScript("return window.pwned === undefined"), mmd);
  }

  /**
   * The word {@code end} in a label would end a block, so it is written as an entity
   * ({@code #101;nd}); Mermaid draws the word itself, in a message, a note and a block's label.
   */
  @Test
  void mermaidDrawsTheWordEndWhereItIsEscaped() throws Exception {
    Path page = Mermaid.page(TARGET.resolve("mermaid"));
    String wsd = "a->b: end\nnote over b: notify: pause.end\nopt end of the line\n  b->a: ok\nend\n";
    String mmd = MermaidWriter.write(WsdReader.read(wsd, "end.wsd"));
    assertTrue(mmd.contains("#101;nd"), mmd);
    driver.get(page.toUri().toString());
    String svg = (String) driver.executeAsyncScript(Mermaid.RENDER, mmd);
    assertTrue(svg.startsWith("<svg"), mmd + "\n" + svg.substring(0, Math.min(300, svg.length())));
    // What is drawn, words apart as Mermaid spreads them over tspans, without the style.
    String text = svg.replaceAll("(?s)<style.*?</style>", "").replaceAll("<[^>]*>", " ")
        .replaceAll("\\s+", " ");
    for (String shown : List.of(" end ", " notify: pause.end ", "[end of the line]")) {
      assertTrue(text.contains(shown), shown + " in " + text);
    }
    assertTrue(!svg.contains("#101;") && !svg.contains("&amp;#101;"), svg);
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A local link names a file of the site, and its #fragment an id of that page. */
  private static void checkLocal(String href, Map<Path, Set<String>> ids, List<String> problems) {
    URI uri = URI.create(href);
    Path file = Path.of(URI.create(href.split("#", 2)[0])).toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      problems.add("link to a missing file: " + href);
    } else if (uri.getFragment() != null && ids.containsKey(file)
        && !ids.get(file).contains(uri.getFragment())) {
      problems.add("link to a missing id: " + href);
    }
  }

  private static final Map<String, List<String>> LINES = new HashMap<>();

  /** A source link names a file of the snapshot and the line of a def in it. */
  private static void checkSource(String href, List<String> problems) {
    Matcher m = SOURCE_LINK.matcher(href);
    if (!m.matches()) {
      problems.add("not a source link of " + RELEASE + ": " + href);
      return;
    }
    List<String> lines = LINES.computeIfAbsent(m.group(1), SiteBrowserIT::snapshotLines);
    int line = Integer.parseInt(m.group(2));
    if (line < 1 || line > lines.size()
        || !lines.get(line - 1).strip().matches("(async\\s+)?def\\s.*")) {
      problems.add("source link not at a def: " + href);
    }
  }

  private static List<String> snapshotLines(String path) {
    try {
      return Files.readAllLines(Path.of("nova-snapshots", RELEASE, path));
    } catch (IOException e) {
      return List.of();
    }
  }

  /** A screenshot of the whole page at {@code width}, under target/site-screenshots/. */
  private static void shot(String name, int width) throws IOException {
    Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
    driver.manage().window().setSize(new Dimension(width, Math.min(6000, height.intValue() + 100)));
    Files.createDirectories(SHOTS);
    Files.write(SHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    driver.manage().window().setSize(new Dimension(1280, 1000));
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object fromScript) {
    return ((List<Object>) fromScript).stream().map(String::valueOf).toList();
  }
}
