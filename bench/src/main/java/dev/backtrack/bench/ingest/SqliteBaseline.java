package dev.backtrack.bench.ingest;

import dev.backtrack.collector.Collector;
import dev.backtrack.collector.storage.Database;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling for ingest: raw sqlite-jdbc batched inserts of the load's own events into the
 * collector's {@code events} table (the collector creates the file: same columns, same
 * indexes) over the collector's own write connection (WAL, {@code synchronous=NORMAL}, same
 * cache), one statement prepared once, {@code executeBatch} and a commit per 10,000 rows.
 * The rows are bound from plain arrays, so nothing but SQLite is timed; the events are
 * refreshed every second like the load's, and a short warm-up lets the JIT settle first.
 */
final class SqliteBaseline {
  static final int ROWS_PER_COMMIT = 10_000;
  static final int WARMUP_SECONDS = 2;

  private SqliteBaseline() {}

  /** Prints and returns the sustained rows per second. */
  static double run(Path file, int seconds, BatchBodies bodies) throws Exception {
    createSchema(file);
    try (Connection connection = Database.openWriter(file);
        PreparedStatement insert = connection.prepareStatement("INSERT INTO events (ts,"
            + " source_id, route_id, request_id, correlation_id, parent_id, status,"
            + " duration_us, db_count, db_us, db_slowest, out_count, out_us,"
            + " error_fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insertFor(TimeUnit.SECONDS.toNanos(WARMUP_SECONDS), connection, insert, bodies);
      long start = System.nanoTime();
      long rows = insertFor(TimeUnit.SECONDS.toNanos(seconds), connection, insert, bodies);
      double perSecond = rows / ((System.nanoTime() - start) / 1e9);
      System.out.printf("sqlite baseline rows/s %,.0f  (events table, %,d rows per commit)%n",
          perSecond, ROWS_PER_COMMIT);
      return perSecond;
    }
  }

  private static long insertFor(long nanos, Connection connection, PreparedStatement insert,
      BatchBodies bodies) throws SQLException {
    long start = System.nanoTime();
    long refreshed = start;
    Object[][] rows = rows(bodies.events());
    long inserted = 0;
    while (System.nanoTime() - start < nanos) {
      if (System.nanoTime() - refreshed >= TimeUnit.SECONDS.toNanos(1)) {
        bodies.refresh();
        rows = rows(bodies.events());
        refreshed = System.nanoTime();
      }
      for (int i = 0; i < ROWS_PER_COMMIT; i++) {
        Object[] row = rows[(int) ((inserted + i) % rows.length)];
        for (int column = 0; column < row.length; column++) {
          bind(insert, column + 1, row[column]);
        }
        insert.addBatch();
      }
      insert.executeBatch();
      connection.commit();
      inserted += ROWS_PER_COMMIT;
    }
    return inserted;
  }

  private static void bind(PreparedStatement insert, int index, Object value)
      throws SQLException {
    if (value == null) {
      insert.setNull(index, Types.VARCHAR);
    } else if (value instanceof String text) {
      insert.setString(index, text);
    } else {
      insert.setLong(index, (Long) value);
    }
  }

  /**
   * The column values the collector stores for each event, in insert order; names become the
   * ids of their rows in {@code sources} and {@code routes}, as the collector stores them.
   */
  private static Object[][] rows(JsonArray events) {
    Map<String, Long> routeIds = new HashMap<>();
    Object[][] rows = new Object[events.size()][];
    for (int i = 0; i < rows.length; i++) {
      JsonObject e = events.getJsonObject(i);
      JsonObject db = e.getJsonObject("db", new JsonObject());
      JsonObject out = e.getJsonObject("out", new JsonObject());
      JsonObject error = e.getJsonObject("error");
      JsonArray slowest = db.getJsonArray("slowest");
      String fingerprint = error != null ? error.getString("fingerprint")
          : e.getInteger("status") >= 500 ? "status:" + e.getInteger("status") : null;
      Long routeId = routeIds.computeIfAbsent(e.getString("method") + " " + e.getString("route"),
          name -> routeIds.size() + 1L);
      rows[i] = new Object[] {e.getLong("ts"), 1L, routeId,
          e.getString("request_id"), e.getString("correlation_id"), e.getString("parent_id"),
          (long) e.getInteger("status"), e.getLong("duration_us"), db.getLong("count", 0L),
          db.getLong("us", 0L), slowest == null ? null : slowest.encode(),
          out.getLong("count", 0L), out.getLong("us", 0L), fingerprint};
    }
    return rows;
  }

  /** Lets the collector create its schema in the file, then closes it. */
  private static void createSchema(Path file) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Collector collector = Collector.deploy(vertx, new JsonObject().put("port", 0)
          .put("db", file.toString())).toCompletionStage().toCompletableFuture().get();
      collector.close().toCompletionStage().toCompletableFuture().get();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }
}
