package dev.backtrack.collector.query;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * Reuses each {@code /api/route_chains} answer for a few seconds: with the tracker full, an
 * answer walks some 20,000 chains on the query verticle's thread, which also applies every
 * stored batch, so a client polling it must not cost one walk per poll.
 */
final class ChainCache {
  /** How long an answer is reused, in ms. */
  static final long FRESH_MILLIS = 5_000;

  private record Cached(long atNanos, JsonObject answer) {}

  private final ChainTracker tracker;
  private final Map<String, Cached> cache = new HashMap<>();

  ChainCache(ChainTracker tracker) {
    this.tracker = tracker;
  }

  JsonObject chains(String service, WindowRange range) {
    String key = service + "\u0000" + range.seconds();
    // The process clock on purpose: freshness is about this process's work, not event time.
    long now = System.nanoTime();
    Cached cached = cache.get(key);
    if (cached != null && now - cached.atNanos() < FRESH_MILLIS * 1_000_000) {
      return cached.answer();
    }
    JsonObject answer = ChainAnswers.build(tracker.rows(range.from() * 1000), service);
    if (cache.size() > 256) {
      cache.clear();
    }
    cache.put(key, new Cached(now, answer));
    return answer;
  }
}
