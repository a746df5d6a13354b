package dev.backtrack.collector.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The ids of the {@code sources} and {@code routes} rows that event rows point to, created on
 * first use within the writer's transaction and remembered. Ids handed out in a transaction
 * that is rolled back may not exist, so the writer calls {@link #forget()} after a rollback.
 * Not thread-safe: only the storage worker uses it.
 */
final class NameIds implements AutoCloseable {
  private final PreparedStatement insertSource;
  private final PreparedStatement selectSource;
  private final PreparedStatement insertRoute;
  private final PreparedStatement selectRoute;
  private final Map<SourceKey, Long> sources = new HashMap<>();
  /** Method, then route: two lookups on the strings as parsed, with no key built per event. */
  private final Map<String, Map<String, Long>> routes = new HashMap<>();

  NameIds(Connection connection) throws SQLException {
    insertSource = connection.prepareStatement(
        "INSERT OR IGNORE INTO sources (service, host, pid) VALUES (?, ?, ?)");
    selectSource = connection.prepareStatement(
        "SELECT id FROM sources WHERE service = ? AND host = ? AND pid = ?");
    insertRoute = connection.prepareStatement(
        "INSERT OR IGNORE INTO routes (method, route) VALUES (?, ?)");
    selectRoute = connection.prepareStatement(
        "SELECT id FROM routes WHERE method = ? AND route = ?");
  }

  long source(String service, String host, long pid) throws SQLException {
    SourceKey key = new SourceKey(service, host, pid);
    Long id = sources.get(key);
    if (id == null) {
      insertSource.setString(1, service);
      insertSource.setString(2, host);
      insertSource.setLong(3, pid);
      insertSource.executeUpdate();
      selectSource.setString(1, service);
      selectSource.setString(2, host);
      selectSource.setLong(3, pid);
      id = idOf(selectSource);
      sources.put(key, id);
    }
    return id;
  }

  long route(String method, String route) throws SQLException {
    Map<String, Long> byRoute = routes.computeIfAbsent(method, m -> new HashMap<>());
    Long id = byRoute.get(route);
    if (id == null) {
      insertRoute.setString(1, method);
      insertRoute.setString(2, route);
      insertRoute.executeUpdate();
      selectRoute.setString(1, method);
      selectRoute.setString(2, route);
      id = idOf(selectRoute);
      byRoute.put(route, id);
    }
    return id;
  }

  /** Drops every remembered id; they are read again from the table when next needed. */
  void forget() {
    sources.clear();
    routes.clear();
  }

  private static long idOf(PreparedStatement select) throws SQLException {
    try (ResultSet row = select.executeQuery()) {
      if (!row.next()) {
        throw new SQLException("name row missing right after its insert");
      }
      return row.getLong(1);
    }
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement s : new PreparedStatement[] {insertSource, selectSource, insertRoute,
        selectRoute}) {
      s.close();
    }
  }

  private record SourceKey(String service, String host, long pid) {}
}
