package dev.backtrack.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.collector.support.Await;
import dev.backtrack.collector.support.Batches;
import dev.backtrack.collector.support.HttpCalls;
import dev.backtrack.collector.support.HttpCalls.Answer;
import dev.backtrack.collector.support.SqliteRows;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class IngestIT {
  @TempDir Path dir;
  Path db;
  Collector collector;
  HttpCalls http;

  @BeforeEach
  void start(Vertx vertx) {
    db = dir.resolve("sub/folder/bt.db");
    collector = Await.result(Collector.deploy(vertx, config()));
    http = new HttpCalls(vertx, collector.port());
  }

  JsonObject config() {
    return new JsonObject().put("port", 0).put("db", db.toString());
  }

  @AfterEach
  void stop() {
    http.close();
    Await.result(collector.close());
  }

  @Test
  void storesABatchAndAnswersAfterCommit() {
    Answer answer = http.ingest(Batches.batch("shop", 3).encode());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json()).isEqualTo(new JsonObject().put("accepted", 3));
    assertThat(SqliteRows.count(db, "events")).isEqualTo(3);
    assertThat(SqliteRows.count(db, "batches")).isEqualTo(1);
    assertThat(SqliteRows.query(db, "SELECT service, host, pid, sdk FROM instances"))
        .containsExactly(List.of("shop", "test", 1, "t/1"));
  }

  @Test
  void acceptsGzip() {
    Answer answer = http.ingestGzip(HttpCalls.gzip(Batches.batch("shop", 5).encode()));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().getInteger("accepted")).isEqualTo(5);
    assertThat(SqliteRows.count(db, "events")).isEqualTo(5);
  }

  @Test
  void storesARepeatedBatchIdOnce() {
    String batch = Batches.batch("shop", 2).encode();

    Answer first = http.ingest(batch);
    Answer second = http.ingest(batch);

    assertThat(first.json()).isEqualTo(new JsonObject().put("accepted", 2));
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json())
        .isEqualTo(new JsonObject().put("accepted", 2).put("duplicate", true));
    assertThat(SqliteRows.count(db, "events")).isEqualTo(2);
  }

  @Test
  void keepsHostileStringsVerbatim() {
    String route = "/search/<script>alert('x')</script>/{q}";
    String message = "'; DROP TABLE events; -- \"quoted\" \\ back \u2028 🐛 <b>bold</b>";
    String sql = "select * from \"users\" where name = '<img src=x onerror=alert(1)>'";
    JsonObject event = Batches.event(System.currentTimeMillis(), route, 500)
        .put("db", new JsonObject().put("count", 1).put("us", 10).put("slowest",
            new JsonArray().add(new JsonObject().put("sql", sql).put("us", 10))))
        .put("error", new JsonObject().put("type", "x.Boom<T>").put("message", message));
    JsonObject batch = Batches.batch("shop 🛒 <svc>", 0)
        .put("events", new JsonArray().add(event));

    assertThat(http.ingest(batch.encode()).status()).isEqualTo(200);

    List<Object> row = SqliteRows.query(db, "SELECT route, service, db_slowest,"
        + " error_fingerprint FROM request_rows").get(0);
    assertThat(row.get(0)).isEqualTo(route);
    assertThat(row.get(1)).isEqualTo("shop 🛒 <svc>");
    assertThat(new JsonArray((String) row.get(2)).getJsonObject(0).getString("sql"))
        .isEqualTo(sql);
    assertThat(row.get(3)).isEqualTo("x.Boom<T>");
    assertThat(SqliteRows.query(db, "SELECT message, type FROM error_groups"))
        .containsExactly(List.of(message, "x.Boom<T>"));
  }

  @Test
  void groupsA5xxWithoutExceptionUnderItsStatus() {
    JsonObject batch = Batches.batch("shop", 0).put("events",
        new JsonArray().add(Batches.event(System.currentTimeMillis(), "/pay", 503)));

    assertThat(http.ingest(batch.encode()).status()).isEqualTo(200);

    assertThat(SqliteRows.query(db, "SELECT fingerprint, type FROM error_groups"))
        .containsExactly(List.of("status:503", "HTTP 503"));
  }

  @Test
  void keepsDataAcrossARestartOnTheSameFile(Vertx vertx) {
    http.ingest(Batches.batch("shop", 4).encode());
    Await.result(collector.close());

    collector = Await.result(Collector.deploy(vertx, config()));
    http.close();
    http = new HttpCalls(vertx, collector.port());

    assertThat(SqliteRows.count(db, "events")).isEqualTo(4);
    assertThat(http.ingest(Batches.batch("shop", 1).encode()).status()).isEqualTo(200);
    assertThat(SqliteRows.count(db, "events")).isEqualTo(5);
  }

  @Test
  void answersHealth() {
    Answer answer = http.get("/health", java.util.Map.of());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().getString("status")).isEqualTo("ok");
    assertThat(answer.json().getLong("uptime_s")).isGreaterThanOrEqualTo(0);
    assertThat(answer.json().containsKey("version")).isTrue();
  }
}
