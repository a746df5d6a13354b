package dev.backtrack.collector.storage.read;

import dev.backtrack.collector.model.DbStats;
import dev.backtrack.collector.model.ErrorInfo;
import dev.backtrack.collector.model.Heartbeat;
import dev.backtrack.collector.model.Instance;
import dev.backtrack.collector.model.OutStats;
import dev.backtrack.collector.model.OutgoingCall;
import dev.backtrack.collector.model.RequestEvent;
import dev.backtrack.collector.model.SqlTiming;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the stored history of a time range back into typed records, in pages by row id so
 * that a large table never sits in memory at once. Rows written after the replay started are
 * left out: the live stream delivers them.
 */
final class HistoryReplay {
  /** Rows read per query. */
  static final int PAGE_ROWS = 10_000;
  /** How long before the replayed range rows are still read, for events delivered late. */
  static final int LATE_ARRIVAL_MINUTES = 10;

  private static final String EVENTS =
      "SELECT e.id, e.ts, s.service, e.request_id, e.correlation_id, e.parent_id, r.method,"
          + " r.route, e.status, e.duration_us, e.db_count, e.db_us, e.db_slowest, e.out_count,"
          + " e.out_us, e.error_fingerprint FROM events e"
          + " JOIN sources s ON s.id = e.source_id JOIN routes r ON r.id = e.route_id"
          + " WHERE e.id > ? AND e.id <= ? AND e.ts >= ? ORDER BY e.id LIMIT " + PAGE_ROWS;

  private static final String OUTGOING =
      "SELECT id, ts, service, request_id, route, method, host, status, duration_us, error"
          + " FROM outgoing WHERE id > ? AND id <= ? AND ts >= ? ORDER BY id LIMIT " + PAGE_ROWS;

  private final Connection connection;

  HistoryReplay(Connection connection) {
    this.connection = connection;
  }

  void replay(long fromMillis, ReplaySink sink) throws SQLException {
    long lastEvent = scalar("SELECT max(id) FROM events", -1);
    long lastCall = scalar("SELECT max(id) FROM outgoing", -1);
    instances(sink);
    errorGroups(fromMillis, sink);
    long after = firstMarked("first_event_id", fromMillis) - 1;
    while (after < lastEvent) {
      after = eventPage(after, lastEvent, fromMillis, sink);
    }
    after = firstMarked("first_outgoing_id", fromMillis) - 1;
    while (after < lastCall) {
      after = outgoingPage(after, lastCall, fromMillis, sink);
    }
  }

  private void instances(ReplaySink sink) throws SQLException {
    String sql = "SELECT service, host, pid, sdk, last_seen, ts, cpu_pct, rss_bytes, in_flight,"
        + " dropped FROM instances";
    try (PreparedStatement ps = connection.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Instance instance = new Instance(text(rs, 2), rs.getLong(3), text(rs, 4));
        long ts = rs.getLong(6);
        Heartbeat heartbeat = ts <= 0 ? null
            : new Heartbeat(ts, rs.getDouble(7), rs.getLong(8), rs.getInt(9), rs.getLong(10));
        sink.instance(rs.getString(1), instance, rs.getLong(5), heartbeat);
      }
    }
  }

  private void errorGroups(long fromMillis, ReplaySink sink) throws SQLException {
    String sql = "SELECT service, fingerprint, type, message, first_seen, last_seen"
        + " FROM error_groups WHERE last_seen >= ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setLong(1, fromMillis);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.errorGroup(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getLong(5), rs.getLong(6));
        }
      }
    }
  }

  private long eventPage(long after, long last, long fromMillis, ReplaySink sink)
      throws SQLException {
    long lastId = last;
    try (PreparedStatement ps = connection.prepareStatement(EVENTS)) {
      ps.setLong(1, after);
      ps.setLong(2, last);
      ps.setLong(3, fromMillis);
      try (ResultSet rs = ps.executeQuery()) {
        int rows = 0;
        while (rs.next()) {
          rows++;
          lastId = rs.getLong(1);
          sink.event(rs.getString(3), event(rs));
        }
        return rows < PAGE_ROWS ? last : lastId;
      }
    }
  }

  private static RequestEvent event(ResultSet rs) throws SQLException {
    int status = rs.getInt(9);
    DbStats db = new DbStats(rs.getInt(11), rs.getLong(12), slowest(rs.getString(13)));
    OutStats out = new OutStats(rs.getInt(14), rs.getLong(15));
    ErrorInfo error = null;
    String fingerprint = rs.getString(16);
    if (fingerprint != null && !fingerprint.equals("status:" + status)) {
      // Type and message come from the error group, replayed before the events.
      error = new ErrorInfo(null, null, fingerprint, null);
    }
    return new RequestEvent(rs.getLong(2), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getString(8), status, rs.getLong(10), db, out, error);
  }

  private static List<SqlTiming> slowest(String json) {
    if (json == null || json.isEmpty()) {
      return List.of();
    }
    JsonArray array = new JsonArray(json);
    List<SqlTiming> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonObject timing = array.getJsonObject(i);
      out.add(new SqlTiming(timing.getString("sql"), timing.getLong("us", 0L)));
    }
    return out;
  }

  private long outgoingPage(long after, long last, long fromMillis, ReplaySink sink)
      throws SQLException {
    long lastId = last;
    try (PreparedStatement ps = connection.prepareStatement(OUTGOING)) {
      ps.setLong(1, after);
      ps.setLong(2, last);
      ps.setLong(3, fromMillis);
      try (ResultSet rs = ps.executeQuery()) {
        int rows = 0;
        while (rs.next()) {
          rows++;
          lastId = rs.getLong(1);
          sink.outgoing(rs.getString(3), new OutgoingCall(rs.getLong(2), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getLong(9),
              rs.getInt(10) != 0));
        }
        return rows < PAGE_ROWS ? last : lastId;
      }
    }
  }

  /**
   * The first row id received since a little before {@code fromMillis}: rows are found by when
   * they arrived, and the margin takes in events that reached the collector late; the page
   * queries then filter on the events' own time.
   */
  private long firstMarked(String column, long fromMillis) throws SQLException {
    long minute = Math.floorDiv(fromMillis, 60_000L) - LATE_ARRIVAL_MINUTES;
    return scalar("SELECT min(" + column + ") FROM marks WHERE minute >= " + minute,
        Long.MAX_VALUE);
  }

  private long scalar(String sql, long whenNull) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        long value = rs.getLong(1);
        return rs.wasNull() ? whenNull : value;
      }
      return whenNull;
    }
  }

  private static String text(ResultSet rs, int column) throws SQLException {
    String value = rs.getString(column);
    return value == null ? "" : value;
  }
}
