package dev.novatrace.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium driven through Debian's chromedriver (no driver download manager). Where
 * either is missing the test is skipped, unless NOVATRACE_REQUIRE_BROWSER=1 (as in CI), where
 * it fails.
 */
final class Browser {
  static final Path CHROMIUM = Path.of(env("NOVATRACE_CHROMIUM", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(env("NOVATRACE_CHROMEDRIVER", "/usr/bin/chromedriver"));

  private Browser() {}

  /** Skips (or fails, when required) the calling test with {@code why}. */
  static void unavailable(String why) {
    if ("1".equals(System.getenv("NOVATRACE_REQUIRE_BROWSER"))) {
      throw new AssertionError(why + " (NOVATRACE_REQUIRE_BROWSER=1)");
    }
    Assumptions.abort(why);
  }

  /**
   * Starts a browser with a fresh profile. The flags keep it from reaching for the network on
   * its own (updates, sync, QUIC probes), which in a closed network only adds failures.
   */
  static ChromeDriver start(Path profile) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      unavailable("no " + CHROMIUM + " or " + DRIVER + " (apt-get install chromium"
          + " chromium-driver)");
    }
    Files.createDirectories(profile);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,1000",
        "--user-data-dir=" + profile.toAbsolutePath()));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  /** The console's errors since the last call (the log is drained as it is read). */
  static List<String> consoleErrors(ChromeDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage).toList();
  }

  /** Lays pages out as a phone of {@code width} CSS pixels would, viewport meta included. */
  static void phone(ChromeDriver driver, int width, int height) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
        "height", height, "deviceScaleFactor", 2, "mobile", true));
  }

  static void desktop(ChromeDriver driver) {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
