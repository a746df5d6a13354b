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
      List.of("DROP INDEX IF EXISTS events_correlation_id"),
      // Narrower event rows without a time index: the names repeated on every row move to two
      // small tables, and time ranges are found through per-minute marks of the row ids.
      List.of(
          "CREATE TABLE sources (id INTEGER PRIMARY KEY, service TEXT NOT NULL,"
              + " host TEXT NOT NULL, pid INTEGER NOT NULL, UNIQUE (service, host, pid))",
          "CREATE TABLE routes (id INTEGER PRIMARY KEY, method TEXT NOT NULL,"
              + " route TEXT NOT NULL, UNIQUE (method, route))",
          "CREATE TABLE marks (minute INTEGER PRIMARY KEY, first_event_id INTEGER,"
              + " first_outgoing_id INTEGER)",
          "INSERT OR IGNORE INTO sources (service, host, pid) SELECT DISTINCT"
              + " ifnull(service, ''), ifnull(host, ''), ifnull(pid, 0) FROM events",
          "INSERT OR IGNORE INTO routes (method, route) SELECT DISTINCT ifnull(method, ''),"
              + " ifnull(route, '') FROM events",
          "CREATE TABLE events_v3 (id INTEGER PRIMARY KEY, ts INTEGER, source_id INTEGER,"
              + " route_id INTEGER, request_id TEXT, correlation_id TEXT, parent_id TEXT,"
              + " status INTEGER, duration_us INTEGER, db_count INTEGER, db_us INTEGER,"
              + " db_slowest TEXT, out_count INTEGER, out_us INTEGER, error_fingerprint TEXT)",
          "INSERT INTO events_v3 SELECT e.id, e.ts, s.id, r.id, e.request_id, e.correlation_id,"
              + " e.parent_id, e.status, e.duration_us, e.db_count, e.db_us, e.db_slowest,"
              + " e.out_count, e.out_us,"
              + " CASE WHEN e.is_error != 0 THEN e.error_fingerprint END FROM events e"
              + " JOIN sources s ON s.service = ifnull(e.service, '')"
              + " AND s.host = ifnull(e.host, '') AND s.pid = ifnull(e.pid, 0)"
              + " JOIN routes r ON r.method = ifnull(e.method, '')"
              + " AND r.route = ifnull(e.route, '') ORDER BY e.id",
          "INSERT INTO marks (minute, first_event_id)"
              + " SELECT ts / 60000, min(id) FROM events WHERE true GROUP BY 1",
          "INSERT INTO marks (minute, first_outgoing_id)"
              + " SELECT ts / 60000, min(id) FROM outgoing WHERE true GROUP BY 1"
              + " ON CONFLICT (minute) DO UPDATE"
              + " SET first_outgoing_id = excluded.first_outgoing_id",
          "DROP TABLE events",
          "ALTER TABLE events_v3 RENAME TO events",
          "DROP INDEX IF EXISTS outgoing_ts",
          "CREATE VIEW request_rows AS SELECT e.id, e.ts, s.service, s.host, s.pid,"
              + " e.request_id, e.correlation_id, e.parent_id, r.method, r.route, e.status,"
              + " e.duration_us, e.db_count, e.db_us, e.db_slowest, e.out_count, e.out_us,"
              + " e.error_fingerprint FROM events e JOIN sources s ON s.id = e.source_id"
              + " JOIN routes r ON r.id = e.route_id"));

  /** The version this collector writes. */
  static final int CURRENT_VERSION = MIGRATIONS.size();

  private Schema() {}

  /**
   * Brings the file up to {@link #CURRENT_VERSION}.
   *
   * @throws StorageException when the file comes from a newer collector
   */
  static void migrate(Connection connection, Path file) throws SQLException {
    migrate(connection, file, CURRENT_VERSION);
  }

  /** Brings the file up to {@code target}; tests build files of older versions with it. */
  static void migrate(Connection connection, Path file, int target) throws SQLException {
    int version = versionOf(connection);
    if (version > CURRENT_VERSION) {
      throw new StorageException("database " + file + " has schema version " + version
          + ", newer than this collector's " + CURRENT_VERSION
          + "; use a newer backtrack or another --db file");
    }
    for (int next = version + 1; next <= target; next++) {
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
