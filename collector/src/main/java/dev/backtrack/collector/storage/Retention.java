package dev.backtrack.collector.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Deletes what was received longer ago than the retention period. Rows go in chunks, each its own
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
  private final PreparedStatement marks;
  private final PreparedStatement errorGroups;
  private final PreparedStatement instances;

  Retention(Connection connection) throws SQLException {
    this.connection = connection;
    events = connection.prepareStatement(chunkBefore("events", "first_event_id"));
    outgoing = connection.prepareStatement(chunkBefore("outgoing", "first_outgoing_id"));
    batches = connection.prepareStatement("DELETE FROM batches WHERE rowid IN"
        + " (SELECT rowid FROM batches WHERE received_at < ? LIMIT " + CHUNK_ROWS + ")");
    marks = connection.prepareStatement("DELETE FROM marks WHERE minute < ?");
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
      long cutoffMinute = Math.floorDiv(cutoffMillis, 60_000L);
      for (PreparedStatement chunked : new PreparedStatement[] {events, outgoing}) {
        chunked.setLong(1, cutoffMinute);
        deleted = Math.max(deleted, chunked.executeUpdate());
      }
      batches.setLong(1, cutoffMillis);
      deleted = Math.max(deleted, batches.executeUpdate());
      boolean more = deleted >= CHUNK_ROWS;
      if (!more) {
        marks.setLong(1, cutoffMinute);
        marks.executeUpdate();
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

  /**
   * Deletes up to a chunk of the rows received before the minute bound to the statement: those
   * below the first row marked in that minute or later, or every row when no such mark exists.
   * Row ids grow in the order of receipt, so this is a range scan on the primary key.
   */
  private static String chunkBefore(String table, String markColumn) {
    return "DELETE FROM " + table + " WHERE id < min("
        + "ifnull((SELECT min(" + markColumn + ") FROM marks WHERE minute >= ?1),"
        + " (SELECT max(id) + 1 FROM " + table + ")),"
        + " (SELECT min(id) FROM " + table + ") + " + CHUNK_ROWS + ")";
  }

  void close() throws SQLException {
    for (PreparedStatement s : new PreparedStatement[] {events, outgoing, batches, marks,
        errorGroups, instances}) {
      s.close();
    }
  }
}
