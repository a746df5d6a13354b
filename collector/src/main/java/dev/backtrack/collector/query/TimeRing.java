package dev.backtrack.collector.query;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A ring of time buckets, each a map from key to value holding only the keys active in that
 * bucket. A slot is reused once its bucket has fallen out of the ring, so memory is bounded by
 * the ring's length and the keys active per bucket. Not thread-safe.
 *
 * @param <K> the key, a record
 * @param <V> the per-bucket accumulator
 */
final class TimeRing<K, V> {
  private final int bucketSeconds;
  private final long[] starts;
  private final Map<K, V>[] buckets;
  /**
   * The second of the last {@link #get} and its bucket. A slot gets a new bucket only for a
   * second a whole ring later, which is then the last second itself, so this never goes stale.
   */
  private long lastSecond = Long.MIN_VALUE;
  private Map<K, V> lastBucket;

  /**
   * @param bucketSeconds width of one bucket in seconds
   * @param spanSeconds how far back the ring must reach; one bucket more is kept so that a
   *     window not aligned to the bucket width is covered
   */
  @SuppressWarnings("unchecked")
  TimeRing(int bucketSeconds, int spanSeconds) {
    this.bucketSeconds = bucketSeconds;
    int length = spanSeconds / bucketSeconds + 1;
    this.starts = new long[length];
    this.buckets = new Map[length];
    java.util.Arrays.fill(starts, Long.MIN_VALUE);
  }

  int bucketSeconds() {
    return bucketSeconds;
  }

  /** The first second of the bucket holding {@code epochSecond}. */
  long bucketStart(long epochSecond) {
    return Math.floorDiv(epochSecond, bucketSeconds) * bucketSeconds;
  }

  /** The value for {@code key} in the bucket of {@code epochSecond}, created when absent. */
  V get(long epochSecond, K key, Function<K, V> create) {
    if (epochSecond == lastSecond) {
      // Events come in bursts of the same second: skip the divisions that find the slot.
      return lastBucket.computeIfAbsent(key, create);
    }
    long start = bucketStart(epochSecond);
    int slot = (int) Math.floorMod(start / bucketSeconds, (long) starts.length);
    if (starts[slot] != start) {
      if (start < starts[slot]) {
        // Older than the bucket now in this slot: it fell out of the ring already.
        return create.apply(key);
      }
      starts[slot] = start;
      buckets[slot] = new HashMap<>();
    }
    lastSecond = epochSecond;
    lastBucket = buckets[slot];
    return lastBucket.computeIfAbsent(key, create);
  }

  /**
   * Visits, oldest first, every bucket that overlaps the seconds {@code [fromSecond,
   * toSecond]}, with the bucket's first second.
   */
  void forEach(long fromSecond, long toSecond, Visitor<K, V> visitor) {
    for (long start = bucketStart(fromSecond); start <= toSecond; start += bucketSeconds) {
      int slot = (int) Math.floorMod(start / bucketSeconds, (long) starts.length);
      if (starts[slot] == start) {
        visitor.visit(start, buckets[slot]);
      }
    }
  }

  /** Receives one bucket: its first second (epoch seconds) and its values. */
  interface Visitor<K, V> {
    void visit(long bucketStartSecond, Map<K, V> bucket);
  }
}
