package dev.backtrack.collector.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema of docs/storage.md and its migrations. Migration {@code n} (1-based) brings a file
 * from version {@code n - 1} to {@code n}; each runs in its own transaction.
 */
final class Schema {
  /** Index {@code i} holds the statements that bring version {@code i} to {@code i + 1}. */
  private static final List<List<String>> MIGRATIONS = List.of(
      List.of(
          "CREATE TABLE batches (batch_id TEXT PRIMARY KEY, service TEXT,"
              + " received_at INTEGER)",
          "CREATE TABLE events (id INTEGER PRIMARY KEY, ts INTEGER, service TEXT, host TEXT,"
              + " pid INTEGER, request_id TEXT, correlation_id TEXT, parent_id TEXT,"
              + " method TEXT, route TEXT, status INTEGER, duration_us INTEGER,"
              + " db_count INTEGER, db_us INTEGER, db_slowest TEXT, out_count INTEGER,"
              + " out_us INTEGER, is_error INTEGER, error_fingerprint TEXT)",
          "CREATE TABLE outgoing (id INTEGER PRIMARY KEY, ts INTEGER, service TEXT,"
              + " request_id TEXT, route TEXT, method TEXT, host TEXT, status INTEGER,"
              + " duration_us INTEGER, error INTEGER)",
          "CREATE TABLE error_groups (service TEXT, fingerprint TEXT, type TEXT, message TEXT,"
              + " stack TEXT, first_seen INTEGER, last_seen INTEGER, sample_request_id TEXT,"
              + " PRIMARY KEY (service, fingerprint))",
          "CREATE TABLE instances (service TEXT, host TEXT, pid INTEGER, sdk TEXT,"
              + " last_seen INTEGER, ts INTEGER, cpu_pct REAL, rss_bytes INTEGER,"
              + " in_flight INTEGER, dropped INTEGER, PRIMARY KEY (service, host, pid))",
          "CREATE INDEX events_ts ON events(ts)",
          "CREATE INDEX events_correlation_id ON events(correlation_id)",
          "CREATE INDEX outgoing_ts ON outgoing(ts)"),
      // Chains are answered from memory; this index on random ids cost as much per row as the rest.
      List.of("DROP INDEX IF EXISTS events_correlation_id"));

  /** The version this collector writes. */
  static final int CURRENT_VERSION = MIGRATIONS.size();

  private Schema() {}

  /**
   * Brings the file up to {@link #CURRENT_VERSION}.
   *
   * @throws StorageException when the file comes from a newer collector
   */
  static void migrate(Connection connection, Path file) throws SQLException {
    int version = versionOf(connection);
    if (version > CURRENT_VERSION) {
      throw new StorageException("database " + file + " has schema version " + version
          + ", newer than this collector's " + CURRENT_VERSION
          + "; use a newer backtrack or another --db file");
    }
    for (int next = version + 1; next <= CURRENT_VERSION; next++) {
      try (Statement statement = connection.createStatement()) {
        if (next == 1) {
          statement.execute("CREATE TABLE IF NOT EXISTS schema_version"
              + " (version INTEGER NOT NULL)");
        }
        for (String sql : MIGRATIONS.get(next - 1)) {
          statement.execute(sql);
        }
        statement.execute("DELETE FROM schema_version");
        statement.execute("INSERT INTO schema_version (version) VALUES (" + next + ")");
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /** The file's version; 0 for a new, empty file. */
  static int versionOf(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      try (ResultSet tables = statement.executeQuery(
          "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
        if (!tables.next()) {
          return 0;
        }
      }
      try (ResultSet row = statement.executeQuery("SELECT max(version) FROM schema_version")) {
        return row.next() ? row.getInt(1) : 0;
      }
    } finally {
      connection.commit();
    }
  }
}
