package dev.backtrack.collector.model;

import java.util.List;

/**
 * Database work of one request.
 *
 * @param count statements executed
 * @param micros total time spent in them, in microseconds
 * @param slowest the slowest normalized statements, slowest first
 */
public record DbStats(int count, long micros, List<SqlTiming> slowest) {
  public static final DbStats NONE = new DbStats(0, 0, List.of());
}
