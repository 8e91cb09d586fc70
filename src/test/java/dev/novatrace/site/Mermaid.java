package dev.novatrace.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Mermaid from the npm registry, installed under target/ at test time (nothing is vendored into
 * the repository), and a page that loads it from file://.
 */
final class Mermaid {
  static final String PACKAGE = "mermaid@11";

  private Mermaid() {}

  /** The folder holding a page that loads Mermaid; installs it on the first call. */
  static Path page(Path dir) throws IOException, InterruptedException {
    Path script = dir.resolve("node_modules/mermaid/dist/mermaid.min.js");
    if (!Files.isRegularFile(script)) {
      install(dir);
    }
    Path page = dir.resolve("check.html");
    Files.writeString(page, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        + "<link rel=\"icon\" href=\"data:,\"><script src=\"node_modules/mermaid/dist/"
        + "mermaid.min.js\"></script></head><body></body></html>\n", StandardCharsets.UTF_8);
    return page;
  }

  private static void install(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Process p;
    try {
      p = new ProcessBuilder(List.of("npm", "install", "--prefix", dir.toString(), "--no-audit",
          "--no-fund", "--no-save", "--silent", PACKAGE)).redirectErrorStream(true)
          .redirectOutput(dir.resolve("npm.log").toFile()).start();
    } catch (IOException e) {
      Browser.unavailable("npm is not available to install " + PACKAGE + ": " + e.getMessage());
      return;
    }
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroy();
      Browser.unavailable("npm install " + PACKAGE + " failed; see " + dir.resolve("npm.log"));
    }
  }

  /**
   * Parses each text with mermaid.parse in the page; the answer for each is "ok" or the
   * error Mermaid gave.
   */
  static final String PARSE_ALL = """
      const texts = arguments[0], done = arguments[arguments.length - 1];
      mermaid.initialize({startOnLoad: false});
      (async () => {
        const out = [];
        for (const t of texts) {
          try {
            out.push((await mermaid.parse(t)) ? 'ok' : 'not a diagram');
          } catch (e) {
            out.push(String(e && e.message || e));
          }
        }
        done(out);
      })();
      """;

  /** Renders one text with Mermaid's default configuration; answers the SVG or the error. */
  static final String RENDER = """
      const text = arguments[0], done = arguments[arguments.length - 1];
      mermaid.initialize({startOnLoad: false});
      mermaid.render('largest', text).then(r => done(r.svg))
          .catch(e => done('error: ' + String(e && e.message || e)));
      """;
}
