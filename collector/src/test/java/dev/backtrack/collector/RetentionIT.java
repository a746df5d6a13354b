package dev.backtrack.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.collector.support.Await;
import dev.backtrack.collector.support.Batches;
import dev.backtrack.collector.support.HttpCalls;
import dev.backtrack.collector.support.SqliteRows;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Rows received longer ago than the retention go at start (and every minute after). */
@ExtendWith(VertxExtension.class)
class RetentionIT {
  @Test
  void prunesWhatIsOlderThanTheRetention(Vertx vertx, @TempDir Path dir) {
    Path db = dir.resolve("bt.db");
    JsonObject config = new JsonObject().put("port", 0).put("db", db.toString())
        .put("retention_s", 600);
    long now = System.currentTimeMillis();
    long twoHoursAgo = now - 2 * 3600_000L;
    JsonObject old = Batches.batch("shop", 0).put("events", new JsonArray()
        .add(Batches.event(twoHoursAgo, "/old", 500))
        .add(Batches.event(twoHoursAgo, "/old", 200)));
    old.put("outgoing", new JsonArray().add(new JsonObject().put("ts", twoHoursAgo)
        .put("host", "h").put("method", "GET").put("status", 200).put("duration_us", 5)));
    JsonObject fresh = Batches.batch("shop", 3);

    Collector collector = Await.result(Collector.deploy(vertx, config));
    assertThat(ingest(vertx, collector, old)).isEqualTo(200);
    Await.result(collector.close());
    assertThat(SqliteRows.count(db, "events")).isEqualTo(2);
    // Make the first batch look received long ago, as its data is.
    SqliteRows.execute(db, "UPDATE batches SET received_at = " + twoHoursAgo);
    SqliteRows.execute(db, "UPDATE marks SET minute = minute - 120");

    // Retention runs at start, before the fresh batch arrives.
    collector = Await.result(Collector.deploy(vertx, config));
    assertThat(ingest(vertx, collector, fresh)).isEqualTo(200);
    Await.result(collector.close());

    assertThat(SqliteRows.query(db, "SELECT DISTINCT route FROM request_rows"))
        .containsExactly(List.of("/users/{id}"));
    assertThat(SqliteRows.count(db, "outgoing")).isZero();
    assertThat(SqliteRows.query(db, "SELECT batch_id FROM batches"))
        .containsExactly(List.of(fresh.getString("batch_id")));
    assertThat(SqliteRows.count(db, "error_groups")).isZero();
  }

  private static int ingest(Vertx vertx, Collector collector, JsonObject batch) {
    HttpCalls http = new HttpCalls(vertx, collector.port());
    try {
      return http.ingest(batch.encode()).status();
    } finally {
      http.close();
    }
  }
}
