package dev.backtrack.bench.ingest;

import dev.backtrack.collector.Collector;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling for ingest: raw sqlite-jdbc batched inserts into the collector's own
 * {@code events} table (same columns, same indexes), 10,000 rows per commit, WAL with
 * {@code synchronous=NORMAL}.
 */
final class SqliteBaseline {
  static final int ROWS_PER_COMMIT = 10_000;

  private SqliteBaseline() {}

  static void run(Path file, int seconds, int eventsPerBatch) throws Exception {
    createSchema(file);
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode = WAL");
        statement.execute("PRAGMA synchronous = NORMAL");
      }
      connection.setAutoCommit(false);
      PreparedStatement insert = connection.prepareStatement("INSERT INTO events (ts, service,"
          + " host, pid, request_id, correlation_id, parent_id, method, route, status,"
          + " duration_us, db_count, db_us, db_slowest, out_count, out_us, is_error,"
          + " error_fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      long rows = 0;
      long now = System.currentTimeMillis();
      long start = System.nanoTime();
      long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < deadline) {
        for (int i = 0; i < ROWS_PER_COMMIT; i++) {
          long n = rows + i;
          insert.setLong(1, now + n % 1000);
          insert.setString(2, "shop-api");
          insert.setString(3, "bench");
          insert.setLong(4, 4242);
          insert.setString(5, "r-" + n);
          insert.setString(6, "c-" + n % 100_000);
          insert.setNull(7, java.sql.Types.VARCHAR);
          insert.setString(8, "GET");
          insert.setString(9, "/users/{id}");
          insert.setInt(10, 200);
          insert.setLong(11, 1_000 + n % 5_000);
          insert.setInt(12, 3);
          insert.setLong(13, 800);
          insert.setString(14, "[{\"sql\":\"select * from users where id = ?\",\"us\":500}]");
          insert.setInt(15, 0);
          insert.setLong(16, 0);
          insert.setInt(17, 0);
          insert.setNull(18, java.sql.Types.VARCHAR);
          insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
        rows += ROWS_PER_COMMIT;
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      System.out.printf("sqlite baseline rows/s %,.0f  (events table, %,d rows per commit)%n",
          rows / elapsed, ROWS_PER_COMMIT);
    }
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
