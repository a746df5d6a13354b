package dev.backtrack.collector.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.collector.support.HttpCalls;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class ScanIT {
  private static final String USERS = """
      package shop;

      import org.springframework.web.bind.annotation.*;

      @RestController
      @RequestMapping("/users")
      class UserController {
        @GetMapping("/{id}")
        String get(@PathVariable String id) { return id; }

        @PostMapping
        String add() { return ""; }
      }
      """;

  private static final String BILLING = """
      package billing;

      import org.springframework.web.bind.annotation.*;

      @RestController
      class BillingController {
        @GetMapping("/invoices")
        String list() { return ""; }
      }
      """;

  @Test
  void listsScannedRoutesWithTrafficTreeAndScopedSnapshots(Vertx vertx, @TempDir Path dir)
      throws IOException {
    Path root = dir.resolve("app");
    write(root.resolve("src/shop/UserController.java"), USERS);
    JsonObject config = new JsonObject().put("db", dir.resolve("bt.db").toString())
        .put("scans", new JsonArray().add(new JsonObject().put("path", root.toString())
            .put("service", "shop")));
    try (ApiClient api = ApiClient.deploy(vertx, config)) {
      JsonObject shop = api.get("/api/services").getJsonArray("services").getJsonObject(0);
      assertThat(shop.getString("name")).isEqualTo("shop");
      assertThat(shop.getBoolean("scanned")).isTrue();
      JsonArray routes = api.get("/api/routes?service=shop").getJsonArray("routes");
      assertThat(routes).hasSize(2);
      assertThat(routes).allSatisfy(r -> {
        assertThat(((JsonObject) r).getLong("requests")).isZero();
        assertThat(((JsonObject) r).getBoolean("discovered")).isTrue();
        assertThat(((JsonObject) r).getString("file")).isEqualTo("src/shop/UserController.java");
      });

      long now = System.currentTimeMillis();
      api.ingest(new JsonObject().put("v", 1).put("batch_id", UUID.randomUUID().toString())
          .put("service", "shop").put("events", new JsonArray()
              .add(ShopTraffic.event(now, "GET", "/users/{id}", 200, 8_000, "c", null))));
      routes = api.await("/api/routes?service=shop",
          r -> r.getJsonArray("routes").getJsonObject(0).getLong("requests") == 1)
          .getJsonArray("routes");
      assertThat(routes.getJsonObject(0).getString("method")).isEqualTo("GET");
      assertThat(routes.getJsonObject(0).getInteger("line")).isPositive();
      assertThat(routes.getJsonObject(1).getString("method")).isEqualTo("POST");

      JsonArray endpoints = api.get("/api/tree?service=shop").getJsonObject("root")
          .getJsonArray("children").getJsonObject(0).getJsonArray("children").getJsonObject(0)
          .getJsonArray("children").getJsonObject(0).getJsonArray("endpoints");
      assertThat(endpoints).extracting(e -> ((JsonObject) e).getString("route") + " "
          + ((JsonObject) e).getBoolean("no_traffic"))
          .containsExactlyInAnyOrder("/users/{id} false", "/users true");

      assertThat(api.get("/api/snapshot?service=shop&prefix=src/shop").getJsonArray("routes"))
          .hasSize(2);
      assertThat(api.get("/api/snapshot?service=shop&prefix=src/other")
          .getJsonArray("routes")).isEmpty();
      JsonObject one = api.get("/api/snapshot?service=shop&method=GET&route=/users/{id}");
      assertThat(one.getJsonObject("overview").getLong("requests")).isEqualTo(1);
      assertThat(one.getJsonObject("scope").getString("route")).isEqualTo("/users/{id}");

      write(root.resolve("src/billing/BillingController.java"), BILLING);
      JsonObject scanned = scan(api, new JsonObject()
          .put("path", root.resolve("src/billing").toString()), 200).json();
      assertThat(scanned.getJsonArray("scanned").getJsonObject(0).getInteger("endpoints"))
          .isEqualTo(1);
      assertThat(api.get("/api/routes?service=shop").getJsonArray("routes"))
          .extracting(r -> ((JsonObject) r).getString("file"))
          .contains("src/billing/BillingController.java", "src/shop/UserController.java");
      assertThat(scan(api, null, 200).json().getJsonArray("scanned").getJsonObject(0)
          .getInteger("endpoints")).isEqualTo(3);
    }
  }

  @Test
  void refusesToScanOutsideTheStartRoots(Vertx vertx, @TempDir Path dir) throws IOException {
    Path root = dir.resolve("app");
    Path outside = dir.resolve("secret");
    write(outside.resolve("Secret.java"), BILLING);
    Files.createDirectories(root);
    Files.createSymbolicLink(root.resolve("link"), outside);
    JsonObject config = new JsonObject().put("db", dir.resolve("bt.db").toString())
        .put("scans", new JsonArray().add(new JsonObject().put("path", root.toString())));
    try (ApiClient api = ApiClient.deploy(vertx, config)) {
      for (String path : new String[] {outside.toString(), root + "/../secret",
          root.resolve("link").toString()}) {
        HttpCalls.Answer refused = scan(api, new JsonObject().put("path", path), 403);
        assertThat(refused.json().getString("error")).contains("outside");
      }
      assertThat(scan(api, new JsonObject().put("path", root + "/missing"), 400).json()
          .getString("where")).isEqualTo("path");
      HttpCalls.Answer bad = api.http.post("/api/scan", Buffer.buffer("[1"), Map.of());
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.json().getString("where")).isEqualTo("body");
      assertThat(api.get("/api/routes?service=app").getJsonArray("routes")).isEmpty();
    }
  }

  private static HttpCalls.Answer scan(ApiClient api, JsonObject body, int status) {
    HttpCalls.Answer answer = api.http.post("/api/scan",
        body == null ? Buffer.buffer() : body.toBuffer(), Map.of());
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
    return answer;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
