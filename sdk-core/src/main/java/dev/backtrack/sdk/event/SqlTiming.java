package dev.backtrack.sdk.event;

import java.util.Objects;

/**
 * One of the slowest statements of a request.
 *
 * @param sql normalized SQL, at most 4,096 chars (longer text is cut)
 * @param micros the statement's execution time in microseconds
 */
public record SqlTiming(String sql, long micros) {
  /** Longest SQL text the protocol accepts, in chars. */
  public static final int MAX_SQL_CHARS = 4096;

  public SqlTiming {
    sql = Text.cut(Objects.requireNonNull(sql, "sql"), MAX_SQL_CHARS);
    micros = Math.max(0, micros);
  }
}
