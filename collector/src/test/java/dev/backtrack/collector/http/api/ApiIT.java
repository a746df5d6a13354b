package dev.backtrack.collector.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class ApiIT {
  private static final List<String> STABLE_ANSWERS = List.of(
      "/api/overview?service=shop", "/api/routes?service=shop&w=1h", "/api/sql?service=shop",
      "/api/errors?service=shop", "/api/outgoing?service=shop", "/api/graph?service=shop",
      "/api/errors/f1?service=shop", "/api/route_chains?service=shop");

  @Test
  void answersExactAggregatesOfIngestedBatchesAndTheSameAfterARestart(Vertx vertx,
      @TempDir Path dir) {
    JsonObject config = new JsonObject().put("db", dir.resolve("bt.db").toString());
    long now = System.currentTimeMillis();
    JsonObject[] before = new JsonObject[STABLE_ANSWERS.size()];
    try (ApiClient api = ApiClient.deploy(vertx, config)) {
      api.ingest(ShopTraffic.batch(now));
      api.ingest(ShopTraffic.inventoryBatch(now));
      api.await("/api/overview", o -> o.getLong("requests") == 6);

      assertOverview(api.get("/api/overview?service=shop&w=5m"));
      assertRoutes(api.get("/api/routes?service=shop&w=15m").getJsonArray("routes"));
      assertSqlErrorsAndOutgoing(api);
      assertGraphAndChains(api);
      assertThat(api.get("/api/services").getJsonArray("services"))
          .extracting(s -> ((JsonObject) s).getString("name"))
          .containsExactly("inventory", "shop");
      JsonArray points = api.get("/api/timeseries?service=shop&w=1m").getJsonArray("points");
      assertThat(points).hasSize(60);
      assertThat(points.stream().mapToLong(p -> ((JsonObject) p).getLong("requests")).sum())
          .isEqualTo(5);
      for (int i = 0; i < before.length; i++) {
        before[i] = api.get(STABLE_ANSWERS.get(i));
      }
    }

    try (ApiClient restarted = ApiClient.deploy(vertx, config)) {
      for (int i = 0; i < before.length; i++) {
        assertThat(restarted.get(STABLE_ANSWERS.get(i))).as(STABLE_ANSWERS.get(i))
            .isEqualTo(before[i]);
      }
    }
  }

  private static void assertOverview(JsonObject o) {
    assertThat(o.getString("service")).isEqualTo("shop");
    assertThat(o.getInteger("window_s")).isEqualTo(300);
    assertThat(o.getLong("requests")).isEqualTo(5);
    assertThat(o.getDouble("rps")).isEqualTo(0.0167);
    assertThat(o.getLong("errors")).isEqualTo(1);
    assertThat(o.getDouble("error_rate")).isEqualTo(0.2);
    assertThat(o.getDouble("avg_ms")).isEqualTo(20.2);
    assertThat(o.getDouble("max_ms")).isEqualTo(40.0);
    assertThat(o.getLong("in_flight")).isEqualTo(2);
    assertThat(o.getDouble("cpu_pct")).isEqualTo(3.5);
    assertThat(o.getLong("rss_bytes")).isEqualTo(1000);
    assertThat(o.getInteger("instances")).isEqualTo(1);
  }

  private static void assertRoutes(JsonArray routes) {
    assertThat(routes).hasSize(3);
    JsonObject users = routes.getJsonObject(0);
    assertThat(users.getString("route")).isEqualTo("/users/{id}");
    assertThat(users.getLong("requests")).isEqualTo(3);
    assertThat(users.getDouble("avg_ms")).isEqualTo(20.0);
    assertThat(users.getDouble("max_ms")).isEqualTo(30.0);
    assertThat(users.getDouble("p50_ms")).isBetween(19.8, 20.2);
    assertThat(users.getDouble("db_q")).isEqualTo(0.6667);
    assertThat(users.getDouble("db_ms")).isEqualTo(1.33);
    assertThat(users.getDouble("out")).isEqualTo(0.3333);
    assertThat(users.getDouble("rps")).isEqualTo(0.0033);
    JsonObject orders = routes.getJsonObject(1);
    assertThat(orders.getString("method")).isEqualTo("POST");
    assertThat(orders.getDouble("error_rate")).isEqualTo(1.0);
    // Hostile text is data: it comes back exactly as it was sent.
    assertThat(routes.getJsonObject(2).getString("route")).isEqualTo(ShopTraffic.HOSTILE_ROUTE);
  }

  private static void assertSqlErrorsAndOutgoing(ApiClient api) {
    JsonArray statements = api.get("/api/sql?service=shop").getJsonArray("statements");
    assertThat(statements).hasSize(1);
    assertThat(statements.getJsonObject(0).getString("sql"))
        .isEqualTo("select * from users where id = ?");
    assertThat(statements.getJsonObject(0).getDouble("max_ms")).isEqualTo(3.0);
    assertThat(statements.getJsonObject(0).getJsonArray("routes")).containsExactly(
        "GET /users/{id}");
    assertThat(api.get("/api/sql?service=shop&method=POST&route=/orders")
        .getJsonArray("statements")).isEmpty();

    JsonArray groups = api.get("/api/errors?service=shop").getJsonArray("groups");
    assertThat(groups).hasSize(1);
    JsonObject f1 = groups.getJsonObject(0);
    assertThat(f1.getString("fingerprint")).isEqualTo("f1");
    assertThat(f1.getLong("count")).isEqualTo(1);
    assertThat(f1.getString("message")).isEqualTo("stock is <b>negative</b>");
    assertThat(f1.getJsonArray("routes")).containsExactly("POST /orders");
    JsonObject detail = api.get("/api/errors/f1?service=shop");
    assertThat(detail.getString("stack")).startsWith("java.lang.IllegalStateException: stock\n");
    assertThat(detail.getJsonObject("sample").getString("route")).isEqualTo("/orders");
    assertThat(detail.getJsonObject("sample").getInteger("status")).isEqualTo(500);
    assertThat(api.raw("/api/errors/nope?service=shop").status()).isEqualTo(404);

    JsonArray hosts = api.get("/api/outgoing?service=shop").getJsonArray("hosts");
    assertThat(hosts).extracting(h -> ((JsonObject) h).getString("host"))
        .containsExactly("api.example.com", "inventory:8080");
    JsonObject inventory = hosts.getJsonObject(1);
    assertThat(inventory.getLong("errors")).isEqualTo(1);
    assertThat(inventory.getDouble("avg_ms")).isEqualTo(15.0);
  }

  private static void assertGraphAndChains(ApiClient api) {
    JsonObject graph = api.get("/api/graph?service=shop");
    assertThat(graph.getJsonArray("edges")).extracting(e -> ((JsonObject) e).getString("source")
        + " -> " + ((JsonObject) e).getString("target")).containsExactlyInAnyOrder(
            "route:GET /users/{id} -> host:api.example.com",
            "route:POST /orders -> host:inventory:8080");

    JsonArray chains = api.get("/api/route_chains?service=inventory").getJsonArray("chains");
    assertThat(chains).hasSize(1);
    JsonObject chain = chains.getJsonObject(0);
    assertThat(chain.getJsonArray("hops")).containsExactly(
        new JsonObject().put("service", "shop").put("method", "POST").put("route", "/orders"),
        new JsonObject().put("service", "inventory").put("method", "GET")
            .put("route", "/stock/{sku}"));
    assertThat(chain.getLong("count")).isEqualTo(1);
    assertThat(chain.getDouble("avg_ms")).isEqualTo(40.0);
    assertThat(chain.getLong("errors")).isEqualTo(1);
    assertThat(chain.getString("example_correlation_id")).isEqualTo("c-9");
  }
}
