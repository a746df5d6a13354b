package dev.backtrack.collector.query;

import dev.backtrack.collector.storage.read.ReadStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * Answers {@code /api/route_chains} from SQLite on a worker, bounded in work, and keeps each
 * answer a few seconds: a dashboard polling every 2 s then costs one read per few polls.
 */
final class ChainCache {
  /** Chains sampled per read. */
  static final int MAX_CHAINS_READ = 2_000;

  /** Hops read at most per read. */
  static final int MAX_ROWS_READ = 50_000;

  /** How long an answer is reused, in ms. */
  static final long FRESH_MILLIS = 5_000;

  private record Cached(long atNanos, Future<JsonObject> answer) {}

  private final Vertx vertx;
  private final ReadStore store;
  private final Map<String, Cached> cache = new HashMap<>();

  ChainCache(Vertx vertx, ReadStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  Future<JsonObject> chains(String service, WindowRange range) {
    String key = service + "\u0000" + range.seconds();
    long now = System.nanoTime();
    Cached cached = cache.get(key);
    if (cached != null && now - cached.atNanos() < FRESH_MILLIS * 1_000_000
        && !cached.answer().failed()) {
      return cached.answer();
    }
    long fromMillis = range.from() * 1000;
    Future<JsonObject> answer = vertx.executeBlocking(() -> ChainAnswers.build(
        store.chainRows(fromMillis, MAX_CHAINS_READ, MAX_ROWS_READ), service), false);
    if (cache.size() > 256) {
      cache.clear();
    }
    cache.put(key, new Cached(now, answer));
    return answer;
  }
}
