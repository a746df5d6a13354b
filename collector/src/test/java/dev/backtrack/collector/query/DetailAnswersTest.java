package dev.backtrack.collector.query;

import static dev.backtrack.collector.query.Events.batch;
import static dev.backtrack.collector.query.Events.call;
import static dev.backtrack.collector.query.Events.failed;
import static dev.backtrack.collector.query.Events.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.collector.scan.ScanCatalog;
import dev.backtrack.collector.scan.ScanOutcome;
import dev.backtrack.scanner.Endpoint;
import dev.backtrack.scanner.ScanResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetailAnswersTest {
  private static final long NOW = 1_732_400_000_000L;

  private final TestClock clock = new TestClock(NOW);
  private final Rollups rollups = new Rollups(clock);
  private final ScanCatalog scans = new ScanCatalog();
  private final DetailAnswers details = new DetailAnswers(rollups, scans);
  private final WindowRange fiveMinutes = WindowRange.of(Window.DEFAULT, NOW);

  @Test
  void groupsErrorsByFingerprintMostRecentFirst() {
    rollups.apply(batch("shop", List.of(
        failed(NOW - 20_000, "/orders", "java.lang.IllegalStateException", "f1"),
        failed(NOW - 10_000, "/orders", "java.lang.IllegalStateException", "f1"),
        failed(NOW - 30_000, "/pay", "java.io.IOException", null),
        Events.status(NOW - 5_000, "GET", "/x", 502, 1_000)), List.of()));

    List<JsonObject> groups = details.errors("shop", fiveMinutes, null);
    assertThat(groups).extracting(g -> g.getString("fingerprint"))
        .containsExactly("status:502", "f1", "java.io.IOException");
    JsonObject f1 = groups.get(1);
    assertThat(f1.getLong("count")).isEqualTo(2);
    assertThat(f1.getLong("first_seen")).isEqualTo(NOW - 20_000);
    assertThat(f1.getLong("last_seen")).isEqualTo(NOW - 10_000);
    assertThat(f1.getString("type")).isEqualTo("java.lang.IllegalStateException");
    assertThat(f1.getJsonArray("routes")).containsExactly("POST /orders");
    assertThat(groups.get(0).getString("type")).isEqualTo("HTTP 502");
  }

  @Test
  void sqlSumsStatementsPerWindowAndFiltersByRoute() {
    rollups.apply(batch("shop", List.of(
        Events.withWork(NOW, "/a", 10_000, 1, 900, "select ?", 900, 0, 0),
        Events.withWork(NOW, "/a", 10_000, 1, 300, "select ?", 300, 0, 0),
        Events.withWork(NOW, "/b", 10_000, 1, 100, "select ?", 100, 0, 0),
        Events.withWork(NOW, "/b", 10_000, 1, 2_000, "update t", 2_000, 0, 0)), List.of()));

    JsonArray all = details.sql("shop", fiveMinutes, null, null, null);
    assertThat(all).hasSize(2);
    JsonObject update = all.getJsonObject(0);
    assertThat(update.getString("sql")).isEqualTo("update t");
    JsonObject select = all.getJsonObject(1);
    assertThat(select.getLong("count")).isEqualTo(3);
    assertThat(select.getDouble("max_ms")).isEqualTo(0.9);
    assertThat(select.getDouble("avg_ms")).isEqualTo(0.43);
    assertThat(select.getJsonArray("routes")).containsExactlyInAnyOrder("GET /a", "GET /b");

    JsonArray onlyA = details.sql("shop", fiveMinutes, "GET", "/a", null);
    assertThat(onlyA).hasSize(1);
    assertThat(onlyA.getJsonObject(0).getLong("count")).isEqualTo(2);
  }

  @Test
  void outgoingAndGraphCountCallsPerHostAndEdge() {
    rollups.apply(batch("shop", List.of(ok(NOW, "GET", "/users/{id}", 5_000)), List.of(
        call(NOW, "/users/{id}", "api.example.com", 10_000, false),
        call(NOW, "/users/{id}", "api.example.com", 30_000, true),
        call(NOW, null, "cdn.example.com", 1_000, false))));

    JsonArray hosts = details.outgoing("shop", fiveMinutes, null);
    JsonObject api = hosts.getJsonObject(0);
    assertThat(api.getString("host")).isEqualTo("api.example.com");
    assertThat(api.getLong("calls")).isEqualTo(2);
    assertThat(api.getLong("errors")).isEqualTo(1);
    assertThat(api.getDouble("error_rate")).isEqualTo(0.5);
    assertThat(api.getDouble("avg_ms")).isEqualTo(20.0);
    assertThat(api.getDouble("max_ms")).isEqualTo(30.0);

    JsonObject graph = details.graph("shop", fiveMinutes);
    JsonArray edges = graph.getJsonArray("edges");
    assertThat(edges).hasSize(2);
    JsonObject routeNode = graph.getJsonArray("nodes").stream().map(JsonObject.class::cast)
        .filter(n -> n.getString("id").equals("route:GET /users/{id}")).findFirst().orElseThrow();
    assertThat(routeNode.getLong("volume")).isEqualTo(1);
    JsonObject hostNode = graph.getJsonArray("nodes").stream().map(JsonObject.class::cast)
        .filter(n -> n.getString("id").equals("host:api.example.com")).findFirst().orElseThrow();
    assertThat(hostNode.getLong("volume")).isEqualTo(2);
  }

  @Test
  void servicesIncludeScannedOnes() {
    rollups.apply(batch("shop", List.of(ok(NOW, "GET", "/a", 1_000)), List.of()));
    scans.put(new ScanOutcome("billing", "", new ScanResult(List.of(
        new Endpoint("GET", "/invoices", "src/Billing.java", 12, "b.Billing#list", "spring")),
        List.of(), 1)));

    JsonArray services = details.services().getJsonArray("services");
    assertThat(services).extracting(s -> ((JsonObject) s).getString("name"))
        .containsExactly("billing", "shop");
    assertThat(services.getJsonObject(0).getBoolean("scanned")).isTrue();
    assertThat(services.getJsonObject(1).getInteger("instances")).isEqualTo(1);
  }

  @Test
  void treeListsScannedEndpointsWithLiveFigures() {
    scans.put(new ScanOutcome("shop", "", new ScanResult(List.of(
        new Endpoint("GET", "/users/{id}", "src/shop/Users.java", 31, "shop.Users#get", "spring"),
        new Endpoint("POST", "/users", "src/shop/Users.java", 20, "shop.Users#add", "spring")),
        List.of(), 1)));
    rollups.apply(batch("shop", List.of(ok(NOW, "GET", "/users/{id}", 12_000)), List.of()));

    JsonObject tree = new TreeAnswers(rollups, scans).tree("shop", fiveMinutes);
    assertThat(tree.getBoolean("scanned")).isTrue();
    JsonObject src = tree.getJsonObject("root").getJsonArray("children").getJsonObject(0);
    assertThat(src.getString("path")).isEqualTo("src");
    JsonObject file = src.getJsonArray("children").getJsonObject(0)
        .getJsonArray("children").getJsonObject(0);
    assertThat(file.getString("path")).isEqualTo("src/shop/Users.java");
    JsonArray endpoints = file.getJsonArray("endpoints");
    assertThat(endpoints.getJsonObject(0).getBoolean("no_traffic")).isTrue();
    assertThat(endpoints.getJsonObject(1).getLong("requests")).isEqualTo(1);
    assertThat(endpoints.getJsonObject(1).getDouble("avg_ms")).isEqualTo(12.0);

    JsonArray routes = new TrafficAnswers(rollups, scans).routes("shop", fiveMinutes,
        RouteScope.ALL);
    assertThat(routes).hasSize(2);
    assertThat(routes.getJsonObject(0).getBoolean("discovered")).isTrue();
    assertThat(routes.getJsonObject(0).getInteger("line")).isEqualTo(31);
    assertThat(routes.getJsonObject(1).getLong("requests")).isZero();
    assertThat(routes.getJsonObject(1).getString("file")).isEqualTo("src/shop/Users.java");
  }
}
