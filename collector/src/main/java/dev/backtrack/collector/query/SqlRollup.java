package dev.backtrack.collector.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The slowest statements of each request (as the SDK reported them) per minute and per
 * route; a window is widened to whole minutes, which keeps memory small.
 */
final class SqlRollup {
  /** Statements listed in an answer. */
  static final int MAX_LISTED = 100;

  /** Routes listed per statement. */
  static final int MAX_ROUTES_LISTED = 20;

  private final TimeRing<SqlKey, Stats> minutes = new TimeRing<>(60, Window.MAX_SECONDS);

  /** One statement over a window; durations in microseconds. */
  record Statement(String sql, Stats stats, Set<String> routes) {}

  void record(long second, SqlKey key, long micros) {
    minutes.get(second, key, k -> new Stats()).record(micros, false);
  }

  /**
   * Statements over the seconds {@code [from, to]}, slowest first, for one service (null: all)
   * and, when {@code method} and {@code route} are set, for that route only.
   */
  List<Statement> slowest(String service, String method, String route, long from, long to) {
    Map<String, Statement> bySql = new LinkedHashMap<>();
    minutes.forEach(from, to, (start, bucket) -> bucket.forEach((key, stats) -> {
      if ((service != null && !service.equals(key.service()))
          || (method != null && !method.equals(key.method()))
          || (route != null && !route.equals(key.route()))) {
        return;
      }
      Statement statement = bySql.computeIfAbsent(
          key.sql(), sql -> new Statement(sql, new Stats(), new LinkedHashSet<>()));
      statement.stats().add(stats);
      if (statement.routes().size() < MAX_ROUTES_LISTED) {
        statement.routes().add(key.method() + " " + key.route());
      }
    }));
    List<Statement> out = new ArrayList<>(bySql.values());
    out.sort((a, b) -> {
      int byMax = Long.compare(b.stats().maxMicros, a.stats().maxMicros);
      return byMax != 0 ? byMax : Long.compare(b.stats().count, a.stats().count);
    });
    return out.size() > MAX_LISTED ? out.subList(0, MAX_LISTED) : out;
  }
}
