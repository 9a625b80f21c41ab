package io.i94lake.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.i94lake.Fixtures;
import io.i94lake.engine.LakeReading;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's chromium, headless, driven by chromedriver): charts drawn with data,
 * a destination found, an arrival looked up with a token. Screenshots go to target/screenshots/.
 */
class ServeBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String TOKEN = "carol-token-0123456789";
  private static ServeServer server;
  private static WebDriver browser;
  private static String base;

  @BeforeAll
  static void openTheDashboard() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
    server = ServeServer.start(LakeReading.of(Fixtures.sampleLake().lake().lake()), "127.0.0.1", 0, Tokens.parse("carol=" + TOKEN, "test"), Duration.ofSeconds(1));
    base = "http://127.0.0.1:" + server.port();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
        "--user-data-dir=" + Files.createTempDirectory(Fixtures.newFolder("chromium"), "profile"));
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Loads the dashboard afresh at a page (a new hash alone would not reload it). */
  private static void open(String page) {
    browser.get("about:blank");
    browser.get(base + "/#" + page);
  }

  private static Object script(String code, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(code, arguments);
  }

  private static void showArrivals(String month, String port) {
    WebElement monthField = browser.findElement(By.name("month"));
    monthField.clear();
    monthField.sendKeys(month);
    WebElement portField = browser.findElement(By.name("port"));
    portField.clear();
    portField.sendKeys(port);
    browser.findElement(By.cssSelector("#arrival-filters button")).click();
  }

  private static final List<String> CHARTS = List.of("chart-month", "chart-countries", "chart-visa", "chart-mode", "chart-ports");

  private static int chartPoints(String chart) {
    return ((Number) script("const option = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption();"
        + "return option.series && option.series.length ? option.series[0].data.length : 0", chart)).intValue();
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  private static void screenshot(String name) throws IOException {
    Path folder = Fixtures.home().resolve("target/screenshots");
    Files.createDirectories(folder);
    File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void theArrivalsOverviewDrawsItsChartsWithData() throws IOException {
    browser.get(base + "/#arrivals");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("arrivals-total"), "1,000 arrivals"));
    for (String chart : List.of("chart-month", "chart-countries", "chart-visa", "chart-mode", "chart-ports")) {
      waiting().until(driver -> !driver.findElements(By.cssSelector("#" + chart + " canvas")).isEmpty());
      Number points = (Number) ((JavascriptExecutor) browser).executeScript(
          "return echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption().series[0].data.length", chart);
      assertThat(points.intValue()).as(chart + " data points").isPositive();
    }
    Number visaSlices = (Number) ((JavascriptExecutor) browser).executeScript(
        "return echarts.getInstanceByDom(document.getElementById('chart-visa')).getOption().series[0].data.length");
    assertThat(visaSlices.intValue()).isEqualTo(3);
    assertThat(browser.findElement(By.id("snapshot")).getText()).startsWith("immigration snapshot ");
    screenshot("dashboard.png");
  }

  @Test
  void theDestinationExplorerFindsACity() throws IOException {
    browser.get(base + "/#destinations");
    browser.findElement(By.id("search-text")).sendKeys("Boston");
    browser.findElement(By.cssSelector("#search-form button")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile"), "Boston, MA"));
    assertThat(browser.findElement(By.id("profile")).getText()).contains("population", "Latest weather", "Airports", "Arrivals");
    screenshot("destinations.png");
  }

  @Test
  void aRegulatorLooksUpAnArrivalWithTheirToken() throws IOException {
    long cicid = Fixtures.sampleLake().lake().spark().sql("SELECT min(cicid) FROM " + Fixtures.sampleLake().lake().table("immigration"))
        .first().getLong(0);
    browser.get(base + "/#regulator");
    browser.findElement(By.id("token")).sendKeys("not-the-token-0123");
    browser.findElement(By.id("lookup-id")).sendKeys(String.valueOf(cicid));
    browser.findElement(By.id("lookup-button")).click();
    WebElement result = browser.findElement(By.id("lookup-result"));
    waiting().until(ExpectedConditions.textToBePresentInElement(result, "The token is not valid"));
    assertThat(result.getText()).doesNotContain("arrival_date");

    browser.findElement(By.id("token")).clear();
    browser.findElement(By.id("token")).sendKeys(TOKEN);
    browser.findElement(By.id("lookup-button")).click();
    waiting().until(ExpectedConditions.textToBePresentInElement(result, "Arrival " + cicid));
    assertThat(result.getText()).contains("arrival_date", "visa_type", "port_name", "citizenship_country");
    screenshot("regulator.png");
  }

  @Test
  void thePipelineStatusShowsTheRuns() throws IOException {
    browser.get(base + "/#pipeline");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("pipeline"), "SUCCEEDED"));
    assertThat(browser.findElement(By.id("pipeline")).getText()).contains(Fixtures.sampleLake().summary().runId(), "immigration");
    screenshot("pipeline.png");
  }

  @Test
  void aCityLinkOfTheSearchOpensItsProfile() throws IOException {
    open("destinations");
    browser.findElement(By.id("search-text")).sendKeys("Boston");
    browser.findElement(By.cssSelector("#search-form button")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile"), "Boston, MA"));
    script("document.getElementById('profile').textContent = ''");
    browser.findElement(By.linkText("Boston, MA")).click();
    waiting().until(driver -> !driver.findElement(By.id("profile")).getText().isEmpty());
    assertThat(browser.findElement(By.id("profile")).getText()).startsWith("Boston, MA").doesNotContain("malformed");
  }

  @Test
  void snapshotIdsAreShownWithEveryDigit() {
    Map<String, Long> snapshots = new TreeMap<>();
    for (String table : LakeVersion.TABLES) {
      snapshots.put(table, Fixtures.sampleLake().lake().lake().icebergTable(table).currentSnapshot().snapshotId());
    }
    open("pipeline");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("pipeline"), "SUCCEEDED"));
    assertThat(browser.findElement(By.id("snapshot")).getText())
        .startsWith("immigration snapshot " + snapshots.get("immigration") + ", published ");
    String pipeline = browser.findElement(By.id("pipeline")).getText();
    snapshots.forEach((table, id) -> assertThat(pipeline).as(table).contains(table + " " + id));
  }

  @Test
  void theContentSecurityPolicyLetsEveryPageWork() {
    browser.manage().logs().get(LogType.BROWSER);
    open("arrivals");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("arrivals-total"), "1,000 arrivals"));
    waiting().until(driver -> !driver.findElements(By.cssSelector("#chart-ports canvas")).isEmpty());
    new Actions(browser).moveToElement(browser.findElement(By.id("chart-visa"))).perform();
    open("destinations");
    browser.findElement(By.id("search-text")).sendKeys("Texas");
    browser.findElement(By.cssSelector("#search-form button")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile"), "Texas"));
    open("pipeline");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("pipeline"), "SUCCEEDED"));
    List<String> refused = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
      if (entry.getMessage().contains("Content Security Policy")) {
        refused.add(entry.getMessage());
      }
    }
    assertThat(refused).as("what the browser refused under the Content-Security-Policy").isEmpty();
  }

  @Test
  void aBadMonthClearsTheChartsAndSaysWhy() throws IOException {
    open("arrivals");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("arrivals-total"), "1,000 arrivals"));
    waiting().until(driver -> chartPoints("chart-ports") > 0);
    showArrivals("April", "");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("arrivals-total"), "month 'April' is not a month such as 2016-04"));
    for (String chart : CHARTS) {
      assertThat(chartPoints(chart)).as(chart + " data points after a bad month").isZero();
    }
    screenshot("bad-month.png");
  }

  @Test
  void anUnknownPortSaysItHasNoArrivals() throws IOException {
    open("arrivals");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("arrivals-total"), "1,000 arrivals"));
    showArrivals("", "XXX");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("arrivals-total"), "XXX"));
    assertThat(browser.findElement(By.id("arrivals-total")).getText())
        .isEqualTo("No arrivals match these filters. Port XXX is NOT REPORTED/UNKNOWN: it is not a place.");
    for (String chart : CHARTS) {
      assertThat(chartPoints(chart)).as(chart + " data points without arrivals").isZero();
    }
    screenshot("unknown-port.png");
  }

  @Test
  void chartLabelsDoNotOverlap() throws IOException, InterruptedException {
    open("arrivals");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("arrivals-total"), "1,000 arrivals"));
    waiting().until(driver -> chartPoints("chart-ports") > 0);
    Thread.sleep(2000); // the charts' one-second animation ends where the labels stay
    for (String chart : List.of("chart-ports", "chart-mode", "chart-visa", "chart-countries", "chart-month")) {
      waiting().until(driver -> chartPoints(chart) > 0);
      Object overlaps = script("""
          const chart = echarts.getInstanceByDom(document.getElementById(arguments[0]));
          // a text's box: its measured width, and its font's size as height (zrender measures less than is drawn)
          const boxes = chart.getZr().storage.getDisplayList(true)
            .filter(element => element.type === 'tspan' && !element.ignore && !element.invisible && element.style.text)
            .map(element => {
              const box = element.getBoundingRect().clone();
              const transform = element.getComputedTransform();
              if (transform) box.applyTransform(transform);
              const fontSize = Number((/(\\d+)px/.exec(element.style.font) || [0, 12])[1]);
              box.y = box.y + box.height / 2 - fontSize / 2;
              box.height = fontSize;
              return {text: element.style.text, box};
            });
          const overlaps = [];
          boxes.forEach((one, i) => boxes.slice(i + 1).forEach(other => {
            const a = one.box, b = other.box;
            if (a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1) {
              overlaps.push(one.text + ' / ' + other.text);
            }
          }));
          return overlaps;""", chart);
      assertThat((List<?>) overlaps).as(chart + " labels that overlap").isEmpty();
    }
    screenshot("charts.png");
  }

  @Test
  void everyPageFitsAScreen420PixelsWide() throws IOException {
    Dimension before = browser.manage().window().getSize();
    try {
      browser.manage().window().setSize(new Dimension(420, 900));
      open("arrivals");
      waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("arrivals-total"), "1,000 arrivals"));
      waiting().until(driver -> chartPoints("chart-ports") > 0);
      assertFitsTheWidth("arrivals");
      open("destinations");
      browser.findElement(By.id("search-text")).sendKeys("Texas");
      browser.findElement(By.cssSelector("#search-form button")).click();
      waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile"), "Texas"));
      assertFitsTheWidth("destinations");
      open("regulator");
      assertFitsTheWidth("regulator");
      open("pipeline");
      waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("pipeline"), "SUCCEEDED"));
      assertFitsTheWidth("pipeline");
    } finally {
      browser.manage().window().setSize(before);
    }
  }

  private static void assertFitsTheWidth(String page) throws IOException {
    long clientWidth = ((Number) script("return document.documentElement.clientWidth")).longValue();
    long scrollWidth = ((Number) script("return document.documentElement.scrollWidth")).longValue();
    screenshot("width-420-" + page + ".png");
    assertThat(clientWidth).as(page + " viewport width").isBetween(380L, 420L);
    assertThat(scrollWidth).as(page + " document width at a viewport " + clientWidth + " px wide").isLessThanOrEqualTo(clientWidth);
  }

  @Test
  void theAirportCountAgreesWithTheList() {
    open("destinations");
    browser.findElement(By.id("search-text")).sendKeys("Boston");
    browser.findElement(By.cssSelector("#search-form button")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile"), "Boston, MA"));
    WebElement card = browser.findElement(By.id("airports"));
    int total = countIn(card.findElement(By.tagName("h3")).getText(), "Airports");
    assertThat(total).as("Boston's airports in the sample").isPositive();
    int byType = 0;
    for (WebElement count : card.findElements(By.cssSelector("table.by-type td:last-child"))) {
      byType += Integer.parseInt(count.getText());
    }
    assertThat(byType).as("the airports by type add up to the count in the heading").isEqualTo(total);
    int main = countIn(card.findElement(By.tagName("h4")).getText(), "Main airports");
    assertThat(card.findElements(By.cssSelector("table.main tr td:first-child"))).as("main airports listed").hasSize(main);
    assertThat(card.getText()).doesNotContain("\nnone");
  }

  // "Airports (3)" -> 3
  private static int countIn(String heading, String name) {
    assertThat(heading).matches(java.util.regex.Pattern.quote(name) + " \\(\\d+\\)");
    return Integer.parseInt(heading.replaceAll("\\D", ""));
  }
}
