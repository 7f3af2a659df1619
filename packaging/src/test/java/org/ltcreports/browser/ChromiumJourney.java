package org.ltcreports.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.ltcreports.web.WebTestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser journey needs: headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}) against the shared {@link WebTestServer}, sign-in, waiting for a page, steps
 * that keep a screenshot and the page source when they fail (under {@code
 * target/browser-screenshots/}), downloads. Skipped, with the reason, when the browser or its
 * driver is not installed ({@code apt-get install -y chromium chromium-driver}).
 */
abstract class ChromiumJourney {
  static final Path CHROMIUM = Path.of(System.getProperty("ltc.chromium", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getProperty("ltc.chromedriver", "/usr/bin/chromedriver"));
  static final Path SHOTS = Path.of("target", "browser-screenshots");

  static WebTestServer s;
  WebDriver driver;
  Path downloads;
  Path profile;
  String testName;

  @BeforeAll
  static void needsChromium() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "SKIPPED: browser tests need Debian's chromium and chromium-driver ("
            + CHROMIUM
            + ", "
            + DRIVER
            + "); install them with: apt-get update && apt-get install -y chromium chromium-driver");
    s = WebTestServer.get();
    Files.createDirectories(SHOTS);
  }

  void open(TestInfo info) throws Exception {
    testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
    downloads = Files.createTempDirectory("ltc-downloads");
    profile = Files.createTempDirectory("ltc-chromium-profile");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("download.default_directory", downloads.toString());
    prefs.put("download.prompt_for_download", false);
    prefs.put("safebrowsing.enabled", false);
    o.setExperimentalOption("prefs", prefs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, o);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.quit();
    }
    // each journey's browser profile and downloads are its own: left behind, a CI machine's /tmp
    // gathers two folders a journey
    for (Path dir : new Path[] {profile, downloads}) {
      if (dir != null && Files.exists(dir)) {
        try (Stream<Path> s = Files.walk(dir)) {
          for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(f);
          }
        } catch (java.io.IOException e) {
          // a browser process still finishing a write: the system's temporary folder keeps it
        }
      }
    }
  }

  /** One step of a journey; on failure a screenshot and the page source are kept. */
  void step(String name, ThrowingRunnable r) throws Exception {
    try {
      r.run();
    } catch (Throwable t) {
      shot(SHOTS.resolve(testName + "-" + name + "-FAILED.png"));
      Files.writeString(
          SHOTS.resolve(testName + "-" + name + "-FAILED.html"),
          driver.getPageSource(),
          StandardCharsets.UTF_8);
      throw t;
    }
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  void shot(Path file) throws Exception {
    Files.createDirectories(file.toAbsolutePath().getParent());
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(file, png);
  }

  void docsShot(String name) throws Exception {
    shot(SHOTS.resolve(name));
    String docs = System.getProperty("ltc.docs.screenshots");
    if (docs != null && !docs.isBlank()) {
      Files.createDirectories(Path.of(docs));
      Files.copy(
          SHOTS.resolve(name), Path.of(docs).resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  void signIn(String user) {
    signIn(user, "Home");
  }

  /** Signs in and waits for the first page, whose h1 is {@code landing}. */
  void signIn(String user, String landing) {
    driver.get(s.base() + "/");
    wait(30).until(d -> d.getCurrentUrl().contains("/login"));
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(WebTestServer.PASSWORD);
    driver.findElement(By.id("sign-in")).click();
    wait(60).until(d -> h1().equals(landing));
  }

  /** The page's h1, or "" while a navigation replaces the page under us. */
  String h1() {
    try {
      return driver.findElements(By.tagName("h1")).stream()
          .findFirst()
          .map(WebElement::getText)
          .orElse("");
    } catch (org.openqa.selenium.WebDriverException e) {
      // stale, or "node does not belong to the document": a navigation replaced the page
      return "";
    }
  }

  WebDriverWait wait(int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds));
  }

  Path downloaded(String suffix) {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      try (Stream<Path> files = Files.list(downloads)) {
        Optional<Path> f =
            files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst();
        if (f.isPresent()) {
          return f.get();
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("no *" + suffix + " was downloaded to " + downloads);
  }

  /** Every form control on the page has a label naming it. */
  void everyControlIsLabelled() {
    for (WebElement c :
        driver.findElements(By.cssSelector("input:not([type=hidden]), select, textarea"))) {
      String id = c.getAttribute("id");
      assertThat(id).as("control %s has an id", c.getAttribute("name")).isNotBlank();
      assertThat(driver.findElements(By.cssSelector("label[for='" + id + "']")))
          .as("label for #" + id)
          .isNotEmpty();
    }
  }
}
