package dev.backtrack.collector.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Deletes what is older than the retention period. Rows go in chunks, each its own
 * transaction, so that a large prune never holds the writer (and the ingest acks behind it)
 * for long: the storage worker runs one chunk at a time between its writes.
 */
final class Retention {
  /** Rows deleted per table and per step. */
  static final int CHUNK_ROWS = 20_000;

  private final Connection connection;
  private final PreparedStatement events;
  private final PreparedStatement outgoing;
  private final PreparedStatement batches;
  private final PreparedStatement errorGroups;
  private final PreparedStatement instances;

  Retention(Connection connection) throws SQLException {
    this.connection = connection;
    events = connection.prepareStatement("DELETE FROM events WHERE id IN"
        + " (SELECT id FROM events WHERE ts < ? LIMIT " + CHUNK_ROWS + ")");
    outgoing = connection.prepareStatement("DELETE FROM outgoing WHERE id IN"
        + " (SELECT id FROM outgoing WHERE ts < ? LIMIT " + CHUNK_ROWS + ")");
    batches = connection.prepareStatement("DELETE FROM batches WHERE rowid IN"
        + " (SELECT rowid FROM batches WHERE received_at < ? LIMIT " + CHUNK_ROWS + ")");
    errorGroups = connection.prepareStatement("DELETE FROM error_groups WHERE last_seen < ?");
    instances = connection.prepareStatement("DELETE FROM instances WHERE last_seen < ?");
  }

  /**
   * Deletes one chunk of rows older than the cutoff and commits.
   *
   * @param cutoffMillis rows from before this moment (ms since the epoch) go
   * @return true when more old rows may remain and another step is due
   */
  boolean step(long cutoffMillis) throws SQLException {
    try {
      int deleted = 0;
      for (PreparedStatement chunked : new PreparedStatement[] {events, outgoing, batches}) {
        chunked.setLong(1, cutoffMillis);
        deleted = Math.max(deleted, chunked.executeUpdate());
      }
      boolean more = deleted >= CHUNK_ROWS;
      if (!more) {
        errorGroups.setLong(1, cutoffMillis);
        errorGroups.executeUpdate();
        instances.setLong(1, cutoffMillis);
        instances.executeUpdate();
      }
      connection.commit();
      return more;
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
  }

  void close() throws SQLException {
    for (PreparedStatement s : new PreparedStatement[] {events, outgoing, batches, errorGroups,
        instances}) {
      s.close();
    }
  }
}
