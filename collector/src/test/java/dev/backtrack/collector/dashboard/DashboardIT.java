package dev.backtrack.collector.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.collector.Collector;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser against a real collector: known batches go in through
 * {@code /ingest}, and the page must show their figures, live.
 */
class DashboardIT {
  static final String SHOP = "shop-api";
  static final String FINGERPRINT = "9f2c4e7a1b3d5f60";
  static final String STACK = "java.lang.IllegalStateException: stock is negative\n"
      + "\tat shop.Orders.place(Orders.java:42)\n"
      + "\tat shop.OrderController.place(OrderController.java:17)";

  @TempDir static Path dir;
  static Vertx vertx;
  static Collector collector;
  static Browser browser;
  static DashboardPage page;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Path source = ShopSource.write(dir.resolve("shop"));
    collector = Collector.deploy(vertx, new JsonObject()
        .put("port", 0).put("db", dir.resolve("backtrack.db").toString())
        .put("scans", new JsonArray().add(new JsonObject()
            .put("path", source.toString()).put("service", SHOP)))).await();
    shopTraffic();
    browser = Browser.start();
    page = new DashboardPage(browser.driver, collector.baseUrl());
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (collector != null) {
      collector.close().await();
    }
    if (vertx != null) {
      vertx.close().await();
    }
  }

  /**
   * Ten requests in the window: eight GETs of 10..80 ms with 12 queries each (an N+1 hint),
   * two POSTs that failed; five outgoing calls, one of them failed.
   */
  static void shopTraffic() {
    Traffic traffic = Traffic.to(collector.baseUrl(), SHOP);
    for (int i = 1; i <= 8; i++) {
      traffic.request("GET", "/users/{id}", 200, i * 10L, 12);
    }
    traffic.failure("POST", "/orders", "java.lang.IllegalStateException", FINGERPRINT, STACK)
        .failure("POST", "/orders", "java.lang.IllegalStateException", FINGERPRINT, STACK);
    for (int i = 0; i < 4; i++) {
      traffic.call("/users/{id}", "api.example.com", 200, 30);
    }
    traffic.call("/users/{id}", "api.example.com", 503, 30).send();
  }

  @Test
  void tilesShowTheWindowsFigures() {
    // An instance counts as live for 30 s after its heartbeat: send a fresh one.
    Traffic.to(collector.baseUrl(), SHOP).heartbeat(3.5, 123_456_789L, 2).send();
    page.open(SHOP, "5m");

    page.waitForTile("rps", "0.03"); // 10 requests / 300 s
    page.waitForTile("error_rate", "20%");
    page.waitForTile("avg_ms", "37 ms"); // (360 + 2 × 5) / 10
    page.waitForTile("max_ms", "80 ms");
    page.waitForTile("in_flight", "2");
    page.waitForTile("cpu_pct", "3.5%");
    page.waitForTile("rss_bytes", "118 MB");
    assertThat(page.tile("p95_ms")).endsWith("ms");
    assertThat(page.tile("p99_ms")).endsWith("ms");
    assertThat(page.connectionState()).isEqualTo("live");
    assertThat(page.chartCanvases()).isEqualTo(2);
    browser.screenshot("dashboard");
  }

  @Test
  void routesTableShowsEachRouteWithItsFigures() {
    page.open(SHOP, "5m");

    Map<String, String> users = page.routeRow("GET", "/users/{id}");
    assertThat(users).containsEntry("requests", "8").containsEntry("error_rate", "0%")
        .containsEntry("avg_ms", "45 ms").containsEntry("max_ms", "80 ms")
        .containsEntry("db_q", "12");
    assertThat(page.count("#routes-table td.col-db_q.bad")).isEqualTo(1);

    Map<String, String> orders = page.routeRow("POST", "/orders");
    assertThat(orders).containsEntry("requests", "2").containsEntry("error_rate", "100%");
  }

  @Test
  void anErrorGroupExpandsToItsStack() {
    page.open(SHOP, "5m");

    String stack = page.expandError(FINGERPRINT);

    assertThat(stack).contains("java.lang.IllegalStateException: stock is negative")
        .contains("at shop.Orders.place(Orders.java:42)");
    browser.screenshot("dashboard-error-expanded");
  }

  @Test
  void graphLinksRoutesToTheHostsTheyCall() {
    page.open(SHOP, "5m");

    List<String> labels = page.graphNodeLabels();

    assertThat(labels).contains("api.example.com")
        .anySatisfy(label -> assertThat(label).contains("/users/{id}"));
    assertThat(page.graphEdgeTexts()).singleElement().asString()
        .contains("api.example.com").contains("5 calls").contains("20% errors");
    browser.screenshot("dashboard-graph");
  }

  @Test
  void treeListsTheScannedEndpointsWithTheirFigures() {
    page.open(SHOP, "5m");

    DashboardPage.TreeEndpoint get = page.treeEndpoint("GET", "/users/{id}");
    assertThat(get.idle()).isFalse();
    assertThat(get.text()).contains("0% err").contains("45 ms");
    DashboardPage.TreeEndpoint delete = page.treeEndpoint("DELETE", "/users/{id}");
    assertThat(delete.idle()).isTrue();
    assertThat(delete.text()).contains("no traffic");
  }

  @Test
  void theTreeAsksForAServiceWhenAllAreShown() {
    page.open("", "5m");

    assertThat(page.treePanelText("Choose a service")).contains("Scanned: " + SHOP);
  }

  @Test
  void aFolderFilterScopesTheRoutesAndTheAnalysis() throws Exception {
    FakeLlmProvider provider = new FakeLlmProvider("The users folder looks healthy.")
        .start(vertx).await();
    try {
      page.open(SHOP, "5m");
      page.configureProvider("openai", "sk-test", "o3-mini", provider.baseUrl() + "/v1");

      page.filterByFolder(ShopSource.USERS_FOLDER);

      assertThat(page.routeNames()).containsExactly("/users/{id}", "/users/{id}");
      assertThat(page.analyzeFolder()).isEqualTo("The users folder looks healthy.");
      JsonObject body = provider.calls().get(0).body();
      // A reasoning model: max_completion_tokens, and no system message.
      assertThat(body.getInteger("max_completion_tokens")).isPositive();
      assertThat(body.containsKey("max_tokens")).isFalse();
      String prompt = body.getJsonArray("messages").getJsonObject(0).getString("content");
      assertThat(prompt).contains("folder " + ShopSource.USERS_FOLDER + "/")
          .contains("GET /users/{id}: 8 requests").doesNotContain("POST /orders:");
      browser.screenshot("dashboard-folder");
    } finally {
      provider.stop().await();
    }
  }

  @Test
  void newTrafficShowsUpWithoutReload() {
    String service = "live-api";
    Traffic traffic = Traffic.to(collector.baseUrl(), service);
    traffic.request("GET", "/ping", 200, 3).send();
    page.open(service, "1m");
    assertThat(page.routeRow("GET", "/ping")).containsEntry("requests", "1");
    long before = page.snapshotTs();

    traffic.request("GET", "/ping", 200, 3).request("GET", "/ping", 200, 3)
        .request("PUT", "/pong", 200, 3).send();

    page.waitForSnapshotAfter(before);
    assertThat(page.routeRow("PUT", "/pong")).containsEntry("requests", "1");
    assertThat(page.routeRow("GET", "/ping")).containsEntry("requests", "3");
  }

  @Test
  void hostileRouteNamesAreShownAsText() {
    String service = "evil-api";
    String route = "/<script>alert(1)</script><img src=x onerror=alert(2)>";
    Traffic.to(collector.baseUrl(), service).request("GET", route, 200, 1).send();

    page.open(service, "5m");

    assertThat(page.routeRow("GET", route)).containsEntry("route", route);
    assertThat(page.count("#routes img")).isZero();
    assertThat(page.count("#routes script")).isZero();
    assertThat(page.alertShown()).isFalse();
  }

  @Test
  void analyzeSendsTheRoutesFiguresToTheProvider() throws Exception {
    FakeLlmProvider provider = new FakeLlmProvider("Check the N+1 query in the users lookup.")
        .start(vertx).await();
    try {
      page.open(SHOP, "5m");
      page.configureProvider("openai", "sk-test", "gpt-4.1-mini", provider.baseUrl() + "/v1");

      String answer = page.analyze("GET", "/users/{id}");

      assertThat(answer).isEqualTo("Check the N+1 query in the users lookup.");
      FakeLlmProvider.Call call = provider.calls().get(0);
      assertThat(call.path()).isEqualTo("/v1/chat/completions");
      assertThat(call.authorization()).isEqualTo("Bearer sk-test");
      assertThat(call.body().getString("model")).isEqualTo("gpt-4.1-mini");
      assertThat(call.body().getInteger("max_tokens")).isPositive();
      String prompt = call.body().getJsonArray("messages").getJsonObject(1).getString("content");
      assertThat(prompt).contains("GET /users/{id}: 8 requests").contains("avg 45 ms")
          .contains("max 80 ms").contains("DB 12 queries").contains("root causes");
      browser.screenshot("dashboard-analysis");
    } finally {
      provider.stop().await();
    }
  }

  @Test
  void analyzeSpeaksTheAnthropicMessagesApi() throws Exception {
    FakeLlmProvider provider = new FakeLlmProvider("Add a timeout to the orders call.")
        .start(vertx).await();
    try {
      page.open(SHOP, "5m");
      page.configureProvider("anthropic", "ak-test", "claude-test", provider.baseUrl());

      String answer = page.analyze("POST", "/orders");

      assertThat(answer).isEqualTo("Add a timeout to the orders call.");
      FakeLlmProvider.Call call = provider.calls().get(0);
      assertThat(call.path()).isEqualTo("/v1/messages");
      assertThat(call.apiKey()).isEqualTo("ak-test");
      String prompt = call.body().getJsonArray("messages").getJsonObject(0).getString("content");
      assertThat(prompt).contains("POST /orders: 2 requests").contains("stock is negative")
          .contains("at shop.Orders.place(Orders.java:42)");
    } finally {
      provider.stop().await();
    }
  }
}
