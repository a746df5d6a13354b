package dev.backtrack.collector.storage.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * A read-only connection to the collector's SQLite file (see docs/storage.md). WAL mode lets it
 * read while the storage worker writes. Every method blocks: call it from a worker thread.
 * Calls are serialized on the one connection. A file or table that does not exist yet reads as
 * empty.
 */
public final class ReadStore implements AutoCloseable {
  /** How long a read waits for a lock before failing, in ms. */
  private static final int BUSY_TIMEOUT_MILLIS = 5_000;

  private final Path file;
  private Connection connection;
  private final Set<String> tables = new HashSet<>();

  private ReadStore(Path file) {
    this.file = file;
  }

  /** Returns a store over {@code file}; the connection is opened on first use. */
  public static ReadStore open(Path file) {
    return new ReadStore(file);
  }

  /** Replays every event, outgoing call, error group and instance since {@code fromMillis}. */
  public synchronized void replay(long fromMillis, ReplaySink sink) throws SQLException {
    Connection c = connection();
    if (c != null && hasTable(c, "events")) {
      new HistoryReplay(c).replay(fromMillis, sink);
    }
  }

  /** The stored details of one error group; any service when {@code service} is null. */
  public synchronized Optional<ErrorDetail> errorDetail(String service, String fingerprint)
      throws SQLException {
    Connection c = connection();
    if (c == null || !hasTable(c, "error_groups")) {
      return Optional.empty();
    }
    return ErrorDetails.find(c, service, fingerprint);
  }

  @Override
  public synchronized void close() throws SQLException {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      if (!Files.exists(file)) {
        return null;
      }
      SQLiteConfig config = new SQLiteConfig();
      config.setReadOnly(true);
      config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
      connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }
    return connection;
  }

  private boolean hasTable(Connection c, String table) throws SQLException {
    if (tables.contains(table)) {
      return true;
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
      // Tables are never dropped, so one that exists is remembered.
      return rs.next() && tables.add(table);
    }
  }
}
