package dev.backtrack.collector.storage.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads one error group by its primary key. */
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
            rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getString(8)));
      }
    }
  }
}
