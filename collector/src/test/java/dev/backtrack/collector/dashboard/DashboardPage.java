package dev.backtrack.collector.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as a test sees it. The page redraws its tables on every live snapshot, so
 * every lookup happens inside a wait that retries on stale elements.
 */
final class DashboardPage {
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final ChromeDriver driver;
  private final String baseUrl;

  DashboardPage(ChromeDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  /** Loads the page for one service and window, and waits for the first live snapshot. */
  DashboardPage open(String service, String window) {
    driver.get("about:blank");
    driver.get(baseUrl + "/#service=" + URLEncoder.encode(service, StandardCharsets.UTF_8)
        + "&w=" + window);
    waitFor("a live snapshot", d -> d.findElement(By.id("tiles"))
        .getDomAttribute("data-updated") != null ? true : null);
    return this;
  }

  /** The timestamp of the snapshot on screen, to wait for a later one. */
  long snapshotTs() {
    return Long.parseLong(driver.findElement(By.id("tiles")).getDomAttribute("data-updated"));
  }

  void waitForSnapshotAfter(long ts) {
    waitFor("a newer snapshot", d -> snapshotTs() > ts ? true : null);
  }

  String connectionState() {
    return driver.findElement(By.id("connection")).getDomAttribute("data-state");
  }

  String tile(String key) {
    return driver.findElement(By.cssSelector("[data-tile='" + key + "'] .tile-value")).getText();
  }

  /** Waits until the tile shows {@code expected}; answers what it shows then. */
  String waitForTile(String key, String expected) {
    try {
      return waitFor("tile " + key + " = " + expected,
          d -> expected.equals(tile(key)) ? expected : null);
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("tile " + key + " shows " + tile(key) + ", not " + expected, e);
    }
  }

  int chartCanvases() {
    return driver.findElements(By.cssSelector("#charts .chart canvas")).size();
  }

  /**
   * The cells of a route's row by column key (method, route, rps, error_rate, …, requests).
   * Read in one script call: the table may be redrawn between two WebDriver calls.
   */
  @SuppressWarnings("unchecked")
  Map<String, String> routeRow(String method, String route) {
    return waitFor("the row of " + method + " " + route, d -> (Map<String, String>)
        driver.executeScript("""
            const row = [...document.querySelectorAll('#routes-table tbody tr')]
              .find((r) => r.dataset.method === arguments[0] && r.dataset.route === arguments[1]);
            if (!row) return null;
            const cells = {};
            for (const td of row.querySelectorAll('td[class*="col-"]')) {
              cells[td.className.match(/col-(\\S+)/)[1]] = td.textContent;
            }
            return cells;""", method, route));
  }

  @SuppressWarnings("unchecked")
  List<String> routeNames() {
    return (List<String>) driver.executeScript("return [...document.querySelectorAll("
        + "'#routes-table tbody tr')].map((r) => r.dataset.route);");
  }

  /** Expands an error group and answers the stack trace shown under it. */
  String expandError(String fingerprint) {
    waitFor("error group " + fingerprint, d -> {
      d.findElement(By.cssSelector("#errors-table tr[data-fingerprint='" + fingerprint + "']"))
          .click();
      return true;
    });
    return waitFor(() -> "the stack of " + fingerprint + "; the errors card shows: "
        + driver.findElement(By.id("errors")).getText(), d -> {
      String text = d.findElement(By.cssSelector("#errors-table tr.detail pre.stack")).getText();
      return text.isBlank() ? null : text;
    });
  }

  /** Opens the graph tab and answers the labels of its nodes, read from Cytoscape. */
  @SuppressWarnings("unchecked")
  List<String> graphNodeLabels() {
    driver.findElement(By.id("tab-graph")).click();
    waitFor("the graph", d -> "true".equals(
        d.findElement(By.id("graph")).getDomAttribute("data-ready")) ? true : null);
    return (List<String>) driver.executeScript(
        "return document.getElementById('graph').cy.nodes().map((n) => n.data('label'));");
  }

  /** The edges of the graph as text: "GET /a → host: 3 calls, 33% errors". */
  List<String> graphEdgeTexts() {
    return driver.findElements(By.cssSelector("#graph-list li")).stream()
        .map(li -> li.getDomProperty("textContent")).toList();
  }

  /** The text of an endpoint in the source tree, and whether it is marked as idle. */
  record TreeEndpoint(String text, boolean idle) {}

  TreeEndpoint treeEndpoint(String method, String route) {
    driver.findElement(By.id("tab-tree")).click();
    return waitFor("the tree entry of " + method + " " + route, d ->
        d.findElements(By.cssSelector("#tree li.endpoint")).stream()
            .filter(li -> method.equals(li.getDomAttribute("data-method"))
                && route.equals(li.getDomAttribute("data-route")))
            .findFirst()
            .map(li -> new TreeEndpoint(li.getText(),
                li.getDomAttribute("class").contains("idle")))
            .orElse(null));
  }

  /** Waits until the tree tab's panel shows text containing {@code expected}; answers it. */
  String treePanelText(String expected) {
    driver.findElement(By.id("tab-tree")).click();
    return waitFor("the tree panel to say " + expected, d -> {
      String text = d.findElement(By.id("panel-tree")).getText();
      return text.contains(expected) ? text : null;
    });
  }

  /** Clicks the "filter" chip of a tree folder; the routes table then shows only its routes. */
  void filterByFolder(String path) {
    driver.findElement(By.id("tab-tree")).click();
    waitFor("the filter chip of " + path, d -> {
      d.findElement(By.cssSelector("#tree .chip[data-folder='" + path + "']")).click();
      return d.findElement(By.id("folder-banner")).isDisplayed();
    });
  }

  /** Clicks "analyze folder" in the banner of a folder filter; answers the analysis text. */
  String analyzeFolder() {
    click(By.id("analyze-folder"));
    return analysisText();
  }

  void configureProvider(String provider, String key, String model, String baseUrl) {
    driver.findElement(By.id("settings-button")).click();
    waitFor("the settings dialog", d -> d.findElement(By.id("settings")).isDisplayed());
    new Select(driver.findElement(By.id("llm-provider"))).selectByValue(provider);
    type(By.id("llm-key"), key);
    type(By.id("llm-model"), model);
    type(By.id("llm-base-url"), baseUrl);
    driver.findElement(By.id("settings-save")).click();
    waitFor("the dialog to close", d -> !d.findElement(By.id("settings")).isDisplayed());
  }

  /** Clicks "analyze" on a route's row and answers the text the panel shows once done. */
  String analyze(String method, String route) {
    waitFor("the analyze button of " + route, d -> findRouteRow(method, route).map(row -> {
      row.findElement(By.cssSelector("button.analyze")).click();
      return true;
    }).orElse(null));
    return analysisText();
  }

  private String analysisText() {
    return waitFor(() -> "the analysis; the panel shows: "
        + driver.findElement(By.id("analysis")).getText(), d -> {
      WebElement panel = d.findElement(By.id("analysis"));
      String status = panel.getDomAttribute("data-status");
      if ("failed".equals(status)) {
        throw new AssertionError("analysis failed: " + panel.getText());
      }
      return "done".equals(status) ? d.findElement(By.id("analysis-answer")).getText() : null;
    });
  }

  boolean alertShown() {
    try {
      driver.switchTo().alert();
      return true;
    } catch (NoAlertPresentException e) {
      return false;
    }
  }

  /** Counts elements in the page matching a CSS selector. */
  int count(String css) {
    return driver.findElements(By.cssSelector(css)).size();
  }

  private Optional<WebElement> findRouteRow(String method, String route) {
    return driver.findElements(By.cssSelector("#routes-table tbody tr")).stream()
        .filter(row -> method.equals(row.getDomAttribute("data-method"))
            && route.equals(row.getDomAttribute("data-route")))
        .findFirst();
  }

  /** Clicks an element, finding it again when a redraw replaced it in between. */
  private void click(By element) {
    waitFor("a click on " + element, d -> {
      d.findElement(element).click();
      return true;
    });
  }

  private void type(By field, String text) {
    WebElement input = driver.findElement(field);
    input.clear();
    input.sendKeys(text);
  }

  private <T> T waitFor(String what, Function<WebDriver, T> condition) {
    return waitFor(() -> what, condition);
  }

  /** Waits with a message computed on timeout (to tell what the page showed then). */
  private <T> T waitFor(Supplier<String> what, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, PATIENCE)
        .withMessage(() -> "waiting for " + what.get())
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class)
        .until(condition);
  }
}
