package dev.backtrack.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.collector.support.Await;
import dev.backtrack.collector.support.Batches;
import dev.backtrack.collector.support.HttpCalls;
import dev.backtrack.collector.support.HttpCalls.Answer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Host guard, the Origin check and the bearer token. */
@ExtendWith(VertxExtension.class)
class SecurityIT {
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  @TempDir Path dir;

  Collector start(Vertx vertx, JsonObject extra) {
    return Await.result(Collector.deploy(vertx, new JsonObject().put("port", 0)
        .put("db", dir.resolve("bt.db").toString()).mergeIn(extra)));
  }

  @Test
  void refusesAHostHeaderThatDoesNotNameTheCollector(Vertx vertx) {
    Collector collector = start(vertx, new JsonObject());
    HttpCalls http = new HttpCalls(vertx, collector.port());
    int port = collector.port();
    try {
      Buffer batch = Buffer.buffer(Batches.batch("shop", 1).encode());
      for (String host : new String[] {"evil.example:" + port, "127.0.0.1:" + (port + 1),
          "localhost.evil.example:" + port}) {
        Answer answer = http.send(HttpMethod.POST, "/ingest", host, batch, JSON);
        assertThat(answer.status()).as(host).isEqualTo(403);
        assertThat(answer.json().getString("error")).contains("Host");
        assertThat(http.send(HttpMethod.GET, "/health", host, null, Map.of()).status())
            .isEqualTo(403);
      }
      for (String host : new String[] {"127.0.0.1:" + port, "localhost:" + port,
          "LOCALHOST:" + port, "[::1]:" + port}) {
        assertThat(http.send(HttpMethod.GET, "/health", host, null, Map.of()).status())
            .as(host).isEqualTo(200);
      }
    } finally {
      http.close();
      Await.result(collector.close());
    }
  }

  @Test
  void refusesStateChangingApiCallsFromAnotherOrigin(Vertx vertx) {
    Collector collector = start(vertx, new JsonObject());
    HttpCalls http = new HttpCalls(vertx, collector.port());
    try {
      Answer foreign = http.post("/api/scan", Buffer.buffer("{}"),
          Map.of("Content-Type", "application/json", "Origin", "http://evil.example"));
      Answer own = http.post("/api/scan", Buffer.buffer("{}"), Map.of("Content-Type",
          "application/json", "Origin", "http://127.0.0.1:" + collector.port()));

      assertThat(foreign.status()).isEqualTo(403);
      assertThat(foreign.json().getString("error")).contains("cross-origin");
      assertThat(own.status()).isNotEqualTo(403);
    } finally {
      http.close();
      Await.result(collector.close());
    }
  }

  @Test
  void requiresTheTokenForEveryDataEndpointWhenOneIsSet(Vertx vertx) {
    Collector collector = start(vertx, new JsonObject().put("token", "s3cret"));
    HttpCalls http = new HttpCalls(vertx, collector.port());
    String batch = Batches.batch("shop", 1).encode();
    try {
      Answer none = http.ingest(batch);
      Answer wrong = http.post("/ingest", Buffer.buffer(batch), Map.of(
          "Content-Type", "application/json", "Authorization", "Bearer nope"));
      Answer right = http.post("/ingest", Buffer.buffer(batch), Map.of(
          "Content-Type", "application/json", "Authorization", "Bearer s3cret"));

      assertThat(none.status()).isEqualTo(401);
      assertThat(none.json().getString("error")).isEqualTo("missing or wrong bearer token");
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(right.status()).isEqualTo(200);
      assertThat(http.get("/health", Map.of()).status()).isEqualTo(401);
      assertThat(http.get("/api/routes?token=nope", Map.of()).status()).isEqualTo(401);
      assertThat(http.get("/", Map.of()).status())
          .as("the page itself holds no data and loads its files without the token")
          .isEqualTo(200);
      assertThat(http.get("/api/services", Map.of()).status()).isEqualTo(401);
      assertThat(http.get("/health?token=s3cret", Map.of()).status()).isEqualTo(200);
      assertThat(http.post("/ingest?token=s3cret", Buffer.buffer(batch), JSON).status())
          .as("a token in the query is for GETs only").isEqualTo(401);
    } finally {
      http.close();
      Await.result(collector.close());
    }
  }

  @Test
  void refusesToListenBeyondLoopbackWithoutAToken(Vertx vertx) {
    Throwable failure = Await.failure(Collector.deploy(vertx, new JsonObject()
        .put("host", "0.0.0.0").put("port", 0).put("db", dir.resolve("bt.db").toString())));

    assertThat(failure).hasMessageContaining("without a token");
    assertThat(dir.resolve("bt.db")).doesNotExist();
  }

  @Test
  void listensBeyondLoopbackWithAToken(Vertx vertx) {
    Collector collector = start(vertx, new JsonObject().put("host", "0.0.0.0")
        .put("token", "t"));
    HttpCalls http = new HttpCalls(vertx, collector.port());
    try {
      Answer answer = http.send(HttpMethod.GET, "/health", "my-laptop.lan:" + collector.port(),
          null, Map.of("Authorization", "Bearer t"));

      assertThat(answer.status()).isEqualTo(200);
    } finally {
      http.close();
      Await.result(collector.close());
    }
  }

  @Test
  void reportsAPortInUse(Vertx vertx) {
    Collector first = start(vertx, new JsonObject());
    try {
      Throwable failure = Await.failure(Collector.deploy(vertx, new JsonObject()
          .put("port", first.port()).put("db", dir.resolve("other.db").toString())));

      assertThat(failure).hasMessageContaining("already in use");
    } finally {
      Await.result(first.close());
    }
  }
}
