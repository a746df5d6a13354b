package dev.backtrack.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.collector.support.Await;
import dev.backtrack.collector.support.Batches;
import dev.backtrack.collector.support.HttpCalls;
import dev.backtrack.collector.support.HttpCalls.Answer;
import dev.backtrack.collector.support.SqliteRows;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input gets its 4xx with a JSON error and where; nothing is stored. */
@ExtendWith(VertxExtension.class)
class BadInputIT {
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
  private static final Map<String, String> GZIP =
      Map.of("Content-Type", "application/json", "Content-Encoding", "gzip");

  @TempDir static Path dir;
  static Collector collector;
  static HttpCalls http;

  @BeforeAll
  static void start(Vertx vertx) {
    collector = Await.result(Collector.deploy(vertx,
        new JsonObject().put("port", 0).put("db", dir.resolve("bt.db").toString())));
    http = new HttpCalls(vertx, collector.port());
  }

  @AfterAll
  static void stop() {
    http.close();
    Await.result(collector.close());
  }

  /** A valid one-event batch changed by {@code edit}. */
  static byte[] broken(Consumer<JsonObject> edit) {
    JsonObject batch = Batches.batch("shop", 1);
    edit.accept(batch);
    return batch.encode().getBytes(StandardCharsets.UTF_8);
  }

  static Consumer<JsonObject> event(Consumer<JsonObject> edit) {
    return batch -> edit.accept(batch.getJsonArray("events").getJsonObject(0));
  }

  static Arguments bad(String name, byte[] body, Map<String, String> headers, int status,
      String where) {
    return Arguments.of(name, body, headers, status, where);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static Stream<Arguments> cases() {
    String deep = "[".repeat(40) + "]".repeat(40);
    JsonArray tooMany = new JsonArray();
    for (int i = 0; i < 10_001; i++) {
      tooMany.add(Batches.event(1_732_400_000_000L, "/a", 200));
    }
    byte[] valid = broken(b -> { });
    byte[] badUtf8 = utf8("{\"v\":1,\"batch_id\":\"b\",\"service\":\"s\\u0041XX\"}");
    badUtf8[badUtf8.length - 4] = (byte) 0xC3; // a lead byte followed by ASCII
    byte[] overlong = utf8("{\"v\":1,\"batch_id\":\"b\",\"service\":\"sXX\"}");
    overlong[overlong.length - 4] = (byte) 0xC0; // overlong encoding of '/'
    overlong[overlong.length - 3] = (byte) 0xAF;
    byte[] bomb = HttpCalls.gzip(new byte[40 * 1024 * 1024]);
    byte[] truncatedGzip = HttpCalls.gzip(valid);
    truncatedGzip = java.util.Arrays.copyOf(truncatedGzip, truncatedGzip.length / 2);
    return Stream.of(
        bad("not JSON", utf8("hello"), JSON, 400, "body"),
        bad("empty body", new byte[0], JSON, 400, "body"),
        bad("a JSON array", utf8("[1, 2]"), JSON, 400, "body"),
        bad("trailing content", utf8(new String(valid, StandardCharsets.UTF_8) + " {}"), JSON,
            400, "body"),
        bad("missing service", broken(b -> b.remove("service")), JSON, 400, "service"),
        bad("missing batch_id", broken(b -> b.remove("batch_id")), JSON, 400, "batch_id"),
        bad("unknown v", broken(b -> b.put("v", 2)), JSON, 400, "v"),
        bad("v as string", broken(b -> b.put("v", "1")), JSON, 400, "v"),
        bad("service too long", broken(b -> b.put("service", "s".repeat(129))), JSON, 400,
            "service"),
        bad("service with control", broken(b -> b.put("service", "a\nb")), JSON, 400,
            "service"),
        bad("events not array", broken(b -> b.put("events", "x")), JSON, 400, "events"),
        bad("event not object", broken(b -> b.getJsonArray("events").add(3)), JSON, 400,
            "events[1]"),
        bad("status as string", broken(event(e -> e.put("status", "200"))), JSON, 400,
            "events[0].status"),
        bad("status 700", broken(event(e -> e.put("status", 700))), JSON, 400,
            "events[0].status"),
        bad("status 99", broken(event(e -> e.put("status", 99))), JSON, 400,
            "events[0].status"),
        bad("negative duration", broken(event(e -> e.put("duration_us", -1))), JSON, 400,
            "events[0].duration_us"),
        bad("fractional ts", broken(event(e -> e.put("ts", 1.5))), JSON, 400, "events[0].ts"),
        bad("missing ts", broken(event(e -> e.remove("ts"))), JSON, 400, "events[0].ts"),
        bad("lower-case method", broken(event(e -> e.put("method", "get"))), JSON, 400,
            "events[0].method"),
        bad("route too long", broken(event(e -> e.put("route", "/" + "r".repeat(512)))), JSON,
            400, "events[0].route"),
        bad("stack too long", broken(event(e -> e.put("error", new JsonObject()
            .put("type", "X").put("stack", "s".repeat(65_537))))), JSON, 400,
            "events[0].error.stack"),
        bad("error without type", broken(event(e -> e.put("error", new JsonObject()))), JSON,
            400, "events[0].error.type"),
        bad("six slowest statements", broken(event(e -> e.put("db", new JsonObject()
            .put("slowest", new JsonArray(java.util.Collections.nCopies(6,
                new JsonObject().put("sql", "select 1").put("us", 1))))))), JSON, 400,
            "events[0].db.slowest"),
        bad("negative cpu", broken(b -> b.put("heartbeat", new JsonObject().put("ts", 1)
            .put("cpu_pct", -1))), JSON, 400, "heartbeat.cpu_pct"),
        bad("outgoing status 600", broken(b -> b.put("outgoing", new JsonArray().add(
            new JsonObject().put("ts", 1).put("host", "h").put("method", "GET")
                .put("status", 600).put("duration_us", 1)))), JSON, 400, "outgoing[0].status"),
        bad("too many events", broken(b -> b.put("events", tooMany)), JSON, 400, "events"),
        bad("deep nesting", broken(b -> b.put("extra", new JsonArray(deep))), JSON, 400,
            null),
        bad("body over the limit", new byte[9 * 1024 * 1024], JSON, 413, "body"),
        bad("broken gzip", truncatedGzip, GZIP, 400, "body"),
        bad("not gzip at all", valid, GZIP, 400, "body"),
        bad("gzip bomb", bomb, GZIP, 413, "body"),
        bad("invalid UTF-8", badUtf8, JSON, 400, "body"),
        bad("overlong UTF-8", overlong, JSON, 400, "body"),
        bad("text/plain", valid, Map.of("Content-Type", "text/plain"), 415, "Content-Type"),
        bad("no Content-Type", valid, Map.of(), 415, "Content-Type"),
        bad("brotli", valid, Map.of("Content-Type", "application/json",
            "Content-Encoding", "br"), 415, "Content-Encoding"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusesBadInputAndStoresNothing(String name, byte[] body, Map<String, String> headers,
      int status, String where) {
    long eventsBefore = SqliteRows.count(dir.resolve("bt.db"), "events");
    long batchesBefore = SqliteRows.count(dir.resolve("bt.db"), "batches");

    Answer answer = http.post("/ingest", Buffer.buffer(body), headers);

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
    assertThat(answer.headers().get("Content-Type")).startsWith("application/json");
    JsonObject error = answer.json();
    assertThat(error.getString("error")).isNotBlank();
    if (where != null) {
      assertThat(error.getString("where")).isEqualTo(where);
    } else {
      assertThat(error.getString("where")).isNotBlank();
    }
    assertThat(SqliteRows.count(dir.resolve("bt.db"), "events")).isEqualTo(eventsBefore);
    assertThat(SqliteRows.count(dir.resolve("bt.db"), "batches")).isEqualTo(batchesBefore);

    Answer next = http.ingest(Batches.batch("shop", 1).encode());
    assertThat(next.status()).isEqualTo(200);
    assertThat(SqliteRows.count(dir.resolve("bt.db"), "events")).isEqualTo(eventsBefore + 1);
  }
}
