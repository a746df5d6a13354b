package dev.backtrack.collector.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Starts the demo against a stand-in ingest endpoint and watches what it reports. */
class DemoAppIT {
  private static final long WAIT_NANOS = 15_000_000_000L;

  private final List<JsonObject> batches = new CopyOnWriteArrayList<>();
  private Vertx ingestVertx;
  private Vertx vertx;
  private String endpoint;

  @BeforeEach
  void startIngest() {
    ingestVertx = Vertx.vertx();
    vertx = Vertx.vertx();
    HttpServer server = ingestVertx.createHttpServer(
            new HttpServerOptions().setDecompressionSupported(true))
        .requestHandler(req -> req.body().onSuccess(body -> {
          batches.add(body.toJsonObject());
          req.response().putHeader("Content-Type", "application/json").end("{\"accepted\":1}");
        }))
        .listen(0, "127.0.0.1").await();
    endpoint = "http://127.0.0.1:" + server.actualPort() + "/ingest";
  }

  @AfterEach
  void stop() {
    if (vertx != null) {
      vertx.close().await();
    }
    ingestVertx.close().await();
  }

  private List<JsonObject> all(String service, String field) {
    return batches.stream().filter(b -> service.equals(b.getString("service")))
        .flatMap(b -> b.getJsonArray(field, new JsonArray()).stream())
        .map(JsonObject.class::cast).toList();
  }

  private void await(String what, Predicate<Void> condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_NANOS;
    while (!condition.test(null)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not seen in time: " + what + "; routes so far: "
            + routes(DemoApp.SHOP));
      }
      Thread.sleep(100);
    }
  }

  private Set<String> routes(String service) {
    return all(service, "events").stream().map(e -> e.getString("route"))
        .collect(Collectors.toSet());
  }

  @Test
  void reportsEveryRouteErrorsSqlAndOutgoingCallsOfBothServices() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    DemoApp.start(vertx, endpoint, new PrintStream(printed, true, StandardCharsets.UTF_8))
        .await();

    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains(DemoApp.SHOP + " ").contains(DemoApp.INVENTORY + " ")
        .contains("http://127.0.0.1:");

    await("every demo route", v -> routes(DemoApp.SHOP).containsAll(DemoShop.ROUTES));
    await("two kinds of checkout errors", v -> all(DemoApp.SHOP, "events").stream()
        .filter(e -> e.containsKey("error")).map(e -> e.getJsonObject("error").getString("type"))
        .collect(Collectors.toSet())
        .containsAll(Set.of("java.lang.IllegalStateException", "java.lang.ArithmeticException")));
    // The dashboard marks a route red from 10 queries per request on.
    await("an N+1 request the dashboard flags", v -> all(DemoApp.SHOP, "events").stream()
        .filter(e -> e.getString("route").equals("/api/users/{id}/orders"))
        .anyMatch(e -> e.getJsonObject("db", new JsonObject()).getInteger("count", 0)
            > Math.max(DemoDatabase.ORDERS_PER_USER, 10)));
    await("outgoing calls to the inventory", v -> all(DemoApp.SHOP, "outgoing").stream()
        .anyMatch(c -> c.getString("route", "").equals("/api/products/{id}")));
    await("a chained inventory request", v -> all(DemoApp.INVENTORY, "events").stream()
        .anyMatch(e -> e.getString("parent_id") != null));

    JsonObject nPlusOne = all(DemoApp.SHOP, "events").stream()
        .filter(e -> e.getString("route").equals("/api/users/{id}/orders"))
        .filter(e -> e.containsKey("db")).findFirst().orElseThrow();
    assertThat(nPlusOne.getJsonObject("db").getJsonArray("slowest").stream()
        .map(s -> ((JsonObject) s).getString("sql")))
        .contains("select product_id, qty from order_items where order_id = ?");

    JsonObject slow = all(DemoApp.SHOP, "events").stream()
        .filter(e -> e.getString("route").equals("/api/reports/sales")).findFirst().orElseThrow();
    assertThat(slow.getLong("duration_us")).isGreaterThanOrEqualTo(200_000);

    assertThat(routes(DemoApp.INVENTORY)).contains("/stock/{sku}");
  }

  @Test
  void stopsItsServicesWhenTheGivenVertxCloses() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    DemoApp.start(vertx, endpoint, new PrintStream(printed, true, StandardCharsets.UTF_8))
        .await();
    Matcher port = Pattern.compile(DemoApp.SHOP + " +http://127.0.0.1:(\\d+)")
        .matcher(printed.toString(StandardCharsets.UTF_8));
    assertThat(port.find()).isTrue();
    int shopPort = Integer.parseInt(port.group(1));
    await("first events", v -> !all(DemoApp.SHOP, "events").isEmpty());

    vertx.close().await();
    vertx = null;

    HttpClient probe = ingestVertx.createHttpClient();
    assertThatThrownBy(() -> probe.request(HttpMethod.GET, shopPort, "127.0.0.1", "/health")
        .compose(req -> req.send()).await())
        .hasMessageContaining("refused");
  }
}
