package dev.backtrack.collector.storage.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads one error group and the latest event that belongs to it. */
final class ErrorDetails {
  private ErrorDetails() {}

  static Optional<ErrorDetail> find(Connection c, String service, String fingerprint)
      throws SQLException {
    String sql = "SELECT service, fingerprint, type, message, stack, first_seen, last_seen,"
        + " sample_request_id FROM error_groups WHERE fingerprint = ?"
        + (service == null ? "" : " AND service = ?") + " ORDER BY last_seen DESC LIMIT 1";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, fingerprint);
      if (service != null) {
        ps.setString(2, service);
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String groupService = rs.getString(1);
        return Optional.of(new ErrorDetail(groupService, rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getString(8),
            sample(c, groupService, fingerprint)));
      }
    }
  }

  /** The latest stored event of the group; the ts index lets the scan stop at the first. */
  private static ErrorDetail.Sample sample(Connection c, String service, String fingerprint)
      throws SQLException {
    String sql = "SELECT ts, method, route, status, request_id, correlation_id FROM events"
        + " WHERE service = ? AND error_fingerprint = ?"
        + " ORDER BY ts DESC LIMIT 1";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, service);
      ps.setString(2, fingerprint);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return new ErrorDetail.Sample(null, null, null, null, null, null);
        }
        return new ErrorDetail.Sample(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getInt(4), rs.getString(5), rs.getString(6));
      }
    }
  }
}
