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
  /**
   * The writer's page cache, in KiB. Every insert also lands in the indexes at places spread
   * over them; with SQLite's default 2 MB those pages are read back from the file again and
   * again, and each read is a system call.
   */
  static final int WRITER_CACHE_KIB = 64 * 1024;
  /** Pages the writer reads through a memory map instead of one system call each. */
  static final long WRITER_MMAP_BYTES = 256L * 1024 * 1024;
  /**
   * WAL pages before a checkpoint copies them into the file. Index pages that every commit
   * touches are copied once per checkpoint, so rarer checkpoints copy less.
   */
  static final int WAL_CHECKPOINT_PAGES = 10_000;

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
        statement.execute("PRAGMA cache_size = -" + WRITER_CACHE_KIB);
        statement.execute("PRAGMA mmap_size = " + WRITER_MMAP_BYTES);
        statement.execute("PRAGMA wal_autocheckpoint = " + WAL_CHECKPOINT_PAGES);
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
