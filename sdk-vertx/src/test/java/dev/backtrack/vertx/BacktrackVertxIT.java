package dev.backtrack.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.sdk.BacktrackOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instrumented Vert.x services (a shop with sub-routers and an H2 database, and an
 * inventory it calls) reporting to a real ingest endpoint on loopback.
 */
class BacktrackVertxIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static BlockedThreadWatch blocked;
  private static IngestStandIn ingest;
  private static Vertx shopVertx;
  private static Vertx inventoryVertx;
  private static Vertx callerVertx;
  private static HttpClient caller;
  private static int shopPort;
  private static int inventoryPort;

  @BeforeAll
  static void start() {
    blocked = new BlockedThreadWatch();
    ingest = new IngestStandIn();
    inventoryVertx = instrumented("inventory");
    shopVertx = instrumented("shop");
    inventoryPort = ShopServices.startInventory(inventoryVertx).actualPort();
    shopPort = ShopServices.startShop(shopVertx, inventoryPort).actualPort();
    callerVertx = Vertx.vertx();
    // A connection per request: one run hung on a request written to a kept-alive connection
    // as it closed (no answer, no error), which is not what these tests are about.
    caller = callerVertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
  }

  @AfterAll
  static void stop() {
    callerVertx.close().await();
    shopVertx.close().await();
    inventoryVertx.close().await();
    ingest.close();
    blocked.close();
  }

  private static Vertx instrumented(String service) {
    // a low threshold, so that any blocking of an event loop gets logged
    VertxOptions options = new VertxOptions()
        .setBlockedThreadCheckInterval(100).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
        .setMaxEventLoopExecuteTime(500).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS);
    return BacktrackVertx.builder(options)
        .options(BacktrackOptions.defaults().service(service).endpoint(ingest.endpoint())
            .flushIntervalMillis(100).heartbeatIntervalMillis(200))
        .build();
  }

  private static HttpClientResponse get(String path, String... headers)
      throws TimeoutException {
    return caller.request(HttpMethod.GET, shopPort, "127.0.0.1", path).compose(req -> {
      for (int i = 0; i + 1 < headers.length; i += 2) {
        req.putHeader(headers[i], headers[i + 1]);
      }
      return req.send();
    }).compose(resp -> resp.body().map(body -> resp)).await(30, TimeUnit.SECONDS);
  }

  private static int getOnNewConnection(String path) {
    HttpClient fresh = callerVertx.createHttpClient();
    try {
      return fresh.request(HttpMethod.GET, shopPort, "127.0.0.1", path)
          .compose(req -> req.send()).compose(resp -> resp.body().map(b -> resp.statusCode()))
          .await();
    } finally {
      fresh.close().await();
    }
  }

  private static List<JsonObject> withRoute(List<JsonObject> events, String route) {
    return events.stream().filter(e -> route.equals(e.getString("route"))).toList();
  }

  @Test
  void reportsTemplatesOfSubRoutersAndWildcardsNotRawPaths() throws Exception {
    HttpClientResponse first = get("/api/users/7");
    // a request that starts a chain: its id is the chain's, so no X-Correlation-ID repeats it
    assertThat(first.getHeader("X-Request-ID")).hasSize(32);
    assertThat(first.getHeader("X-Correlation-ID")).isNull();
    get("/files/a/b.txt");
    get("/no/such/path");
    get("/api/no/such/path");

    List<JsonObject> events = ingest.awaitEvents("shop", e ->
        !withRoute(e, "/api/users/{id}").isEmpty() && !withRoute(e, "/files/{*}").isEmpty()
            && withRoute(e, "<unmatched>").size() >= 2, WAIT);

    JsonObject users = withRoute(events, "/api/users/{id}").get(0);
    assertThat(users.getString("method")).isEqualTo("GET");
    assertThat(users.getInteger("status")).isEqualTo(200);
    assertThat(users.getLong("duration_us")).isPositive();
    assertThat(withRoute(events, "<unmatched>")).allSatisfy(e ->
        assertThat(e.getInteger("status")).isEqualTo(404));
    assertThat(events).noneMatch(e -> e.getString("route").contains("7")
        || e.getString("route").contains("b.txt"));
  }

  @Test
  void takesTheRouteAHandlerNames() throws Exception {
    get("/pages/about");
    List<JsonObject> events = ingest.awaitEvents("shop",
        e -> !withRoute(e, "/pages/{slug}").isEmpty(), WAIT);
    assertThat(withRoute(events, "/pages/{slug}").get(0).getInteger("status")).isEqualTo(200);
  }

  @Test
  void countsTheQueriesOfEachRequestWithNormalizedSql() throws Exception {
    get("/api/users/7");

    JsonObject users = withRoute(ingest.awaitEvents("shop",
        e -> !withRoute(e, "/api/users/{id}").isEmpty(), WAIT), "/api/users/{id}").get(0);

    JsonObject db = users.getJsonObject("db");
    assertThat(db.getInteger("count")).isEqualTo(1 + ShopServices.ORDERS_PER_USER);
    assertThat(db.getLong("us")).isPositive();
    assertThat(db.getJsonArray("slowest").stream().map(s -> ((JsonObject) s).getString("sql")))
        .contains("select sku, qty from items where order_id = ?",
            "select id from orders where user_id = ?");
  }

  @Test
  void attributesOutgoingCallsAndChainsCorrelationIdsAcrossServices() throws Exception {
    HttpClientResponse resp = get("/api/orders/5/stock", "X-Correlation-ID", "chain-42");
    get("/api/orders/7/stock");

    String shopRequestId = resp.getHeader("X-Request-ID");
    assertThat(shopRequestId).isNotBlank();
    assertThat(resp.getHeader("X-Correlation-ID")).isEqualTo("chain-42");

    List<JsonObject> shop = ingest.awaitEvents("shop",
        e -> withRoute(e, "/api/orders/{id}/stock").size() >= 2, WAIT);
    List<JsonObject> inventory = ingest.awaitEvents("inventory",
        e -> withRoute(e, "/stock/{sku}").size() >= 2, WAIT);

    JsonObject first = shop.stream()
        .filter(e -> shopRequestId.equals(e.getString("request_id"))).findFirst().orElseThrow();
    assertThat(first.getString("correlation_id")).isEqualTo("chain-42");
    assertThat(first.getJsonObject("out").getInteger("count")).isEqualTo(1);

    JsonObject downstream = inventory.stream()
        .filter(e -> shopRequestId.equals(e.getString("parent_id"))).findFirst().orElseThrow();
    assertThat(downstream.getString("correlation_id")).isEqualTo("chain-42");
    assertThat(downstream.getString("route")).isEqualTo("/stock/{sku}");

    String host = "127.0.0.1:" + inventoryPort;
    List<JsonObject> calls = ingest.outgoing("shop");
    assertThat(calls).anySatisfy(c -> {
      assertThat(c.getString("request_id")).isEqualTo(shopRequestId);
      assertThat(c.getString("route")).isEqualTo("/api/orders/{id}/stock");
      assertThat(c.getString("host")).isEqualTo(host);
      assertThat(c.getInteger("status")).isEqualTo(200);
      assertThat(c.getBoolean("error", false)).isFalse();
    });
    assertThat(calls).anySatisfy(c -> {
      assertThat(c.getString("host")).isEqualTo(host);
      assertThat(c.getInteger("status")).isEqualTo(503);
      assertThat(c.getBoolean("error")).isTrue();
    });
  }

  @Test
  void currentHeadersNameTheRunningRequestOnEventLoopAndWorker() throws Exception {
    HttpClientResponse resp = get("/api/headers", "X-Correlation-ID", "chain-7");
    String requestId = resp.getHeader("X-Request-ID");
    JsonObject headers = caller.request(HttpMethod.GET, shopPort, "127.0.0.1", "/api/headers")
        .compose(req -> req.putHeader("X-Correlation-ID", "chain-8").send())
        .compose(r -> r.body()).await(30, TimeUnit.SECONDS).toJsonObject();

    assertThat(requestId).isNotBlank();
    assertThat(headers.getString("X-Correlation-ID")).isEqualTo("chain-8");
    assertThat(headers.getString("X-Parent-Request-ID")).isNotBlank()
        .isNotEqualTo(requestId);
    assertThat(headers.getJsonObject("worker").getString("X-Parent-Request-ID"))
        .isEqualTo(headers.getString("X-Parent-Request-ID"));
    assertThat(headers.getString("traceparent")).startsWith("00-");
  }

  @Test
  void groupsFailuresByFingerprint() throws Exception {
    // each on a new connection: the first request of a connection passes through other
    // Netty handlers than later ones, and the fingerprint hashes the whole stack
    assertThat(getOnNewConnection("/api/boom")).isEqualTo(500);
    assertThat(getOnNewConnection("/api/boom")).isEqualTo(500);
    get("/fail/x");

    List<JsonObject> events = ingest.awaitEvents("shop",
        e -> withRoute(e, "/api/boom").size() >= 2 && !withRoute(e, "/fail/{kind}").isEmpty(),
        WAIT);

    List<JsonObject> booms = withRoute(events, "/api/boom");
    JsonObject boom = booms.get(0).getJsonObject("error");
    assertThat(booms.get(0).getInteger("status")).isEqualTo(500);
    assertThat(boom.getString("type")).isEqualTo("java.lang.IllegalStateException");
    assertThat(boom.getString("message")).isEqualTo("stock is negative");
    assertThat(boom.getString("fingerprint")).isNotBlank()
        .isEqualTo(booms.get(1).getJsonObject("error").getString("fingerprint"));

    JsonObject fail = withRoute(events, "/fail/{kind}").get(0).getJsonObject("error");
    assertThat(fail.getString("type")).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(fail.getString("fingerprint")).isNotEqualTo(boom.getString("fingerprint"));
  }

  @Test
  void sendsHeartbeatsAndNeverBlocksAnEventLoop() throws Exception {
    for (int i = 0; i < 20; i++) {
      get("/api/users/7");
      get("/api/orders/" + i + "/stock");
    }
    long deadline = System.nanoTime() + WAIT.toNanos();
    JsonObject heartbeat = null;
    while (heartbeat == null && System.nanoTime() < deadline) {
      heartbeat = ingest.batches().stream()
          .filter(b -> "shop".equals(b.getString("service")) && b.containsKey("heartbeat"))
          .map(b -> b.getJsonObject("heartbeat")).findFirst().orElse(null);
      Thread.sleep(50);
    }
    assertThat(heartbeat).isNotNull();
    assertThat(heartbeat.getLong("rss_bytes")).isPositive();
    assertThat(heartbeat.getLong("in_flight")).isNotNegative();
    assertThat(blocked.warnings()).isEmpty();
  }
}
