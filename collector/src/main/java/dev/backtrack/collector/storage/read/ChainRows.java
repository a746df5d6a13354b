package dev.backtrack.collector.storage.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the events of correlation chains. A chain has more than one hop exactly when one of
 * its events names a parent, so those events pick the chains; the hops are then read through
 * the correlation id index.
 */
final class ChainRows {
  private ChainRows() {}

  static List<ChainRow> read(Connection c, long fromMillis, int maxChains, int maxRows)
      throws SQLException {
    String sql = "SELECT correlation_id, ts, service, method, route, duration_us, is_error"
        + " FROM events WHERE correlation_id IN (SELECT DISTINCT correlation_id FROM events"
        + " WHERE ts >= ? AND parent_id IS NOT NULL AND parent_id <> ''"
        + " AND correlation_id IS NOT NULL AND correlation_id <> '' LIMIT ?)"
        + " AND ts >= ? ORDER BY correlation_id, ts LIMIT ?";
    List<ChainRow> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, fromMillis);
      ps.setInt(2, maxChains);
      ps.setLong(3, fromMillis);
      ps.setInt(4, maxRows);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new ChainRow(rs.getString(1), rs.getLong(2), rs.getString(3),
              rs.getString(4), rs.getString(5), rs.getLong(6), rs.getInt(7) != 0));
        }
      }
    }
    return rows;
  }
}
