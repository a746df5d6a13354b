package dev.backtrack.servlet.jdbc;

import dev.backtrack.sdk.sql.SqlNormalizer;
import java.util.concurrent.ConcurrentHashMap;

/** Normalized SQL, cached: an application prepares the same few hundred statements over again. */
final class Sql {
  private static final int CACHE_LIMIT = 10_000;
  private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

  private Sql() {}

  static String normalized(String sql) {
    if (sql == null) {
      return "";
    }
    String cached = CACHE.get(sql);
    if (cached != null) {
      return cached;
    }
    String normalized = SqlNormalizer.normalize(sql);
    if (CACHE.size() < CACHE_LIMIT) {
      CACHE.put(sql, normalized);
    }
    return normalized;
  }
}
