package dev.backtrack.collector.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Opens connections to the collector's SQLite file with the settings docs/storage.md names. */
public final class Database {
  /** How long a connection waits for a lock held by another one, in milliseconds. */
  static final int BUSY_TIMEOUT_MILLIS = 5_000;

  private Database() {}

  /**
   * Opens the one write connection: creates the file's folder, switches the file to WAL with
   * {@code synchronous=NORMAL}, and leaves auto-commit off.
   *
   * @throws StorageException when the folder or the file cannot be created or opened
   */
  public static Connection openWriter(Path file) {
    Path folder = file.toAbsolutePath().getParent();
    try {
      if (folder != null) {
        Files.createDirectories(folder);
      }
    } catch (IOException e) {
      throw new StorageException("cannot create folder " + folder + ": " + reason(e), e);
    }
    try {
      Connection connection = DriverManager.getConnection(url(file));
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
        statement.execute("PRAGMA journal_mode = WAL");
        statement.execute("PRAGMA synchronous = NORMAL");
        statement.execute("PRAGMA temp_store = MEMORY");
      }
      connection.setAutoCommit(false);
      return connection;
    } catch (SQLException e) {
      throw new StorageException("cannot open database " + file + ": " + reason(e), e);
    }
  }

  /**
   * Opens a read connection. WAL lets it read while the writer writes; it never sees a
   * half-written group of batches.
   */
  public static Connection openReader(Path file) throws SQLException {
    Connection connection = DriverManager.getConnection(url(file));
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
      statement.execute("PRAGMA query_only = true");
    }
    return connection;
  }

  static String url(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath();
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
