package dev.backtrack.collector.query;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A ring of latency histograms per key that answers window queries from a merge of the settled
 * buckets kept between calls. A dashboard asks for the same window every second or two, and the
 * settled part of it changes only once per bucket width, so an hour's answer adds one merged
 * histogram and the newest bucket or two per key instead of sixty buckets. An event that lands
 * in a settled bucket after all drops the merge. Not thread-safe.
 *
 * @param <K> the key, a record
 */
final class LatencyRing<K> {
  private final TimeRing<K, LatencySlots> ring;
  private long mergedFirst = Long.MIN_VALUE;
  private long mergedLast = Long.MIN_VALUE;
  private Map<K, LatencySlots> merged;

  LatencyRing(int bucketSeconds, int spanSeconds) {
    ring = new TimeRing<>(bucketSeconds, spanSeconds);
  }

  int bucketSeconds() {
    return ring.bucketSeconds();
  }

  void record(long second, K key, long micros) {
    if (ring.get(second, key, k -> new LatencySlots()).record(micros)) {
      merged = null;
    }
  }

  /**
   * Hands every key's latencies over the buckets that overlap {@code [from, to]} to {@code
   * visitor}, possibly in several parts per key; {@code to} is the current second.
   */
  void forEach(long from, long to, BiConsumer<K, LatencySlots> visitor) {
    int width = ring.bucketSeconds();
    long first = ring.bucketStart(from);
    long lastSettled = ring.bucketStart(to - width - LatencySlots.SETTLED_AFTER_SECONDS);
    if (lastSettled >= first) {
      if (merged == null || mergedFirst != first || mergedLast != lastSettled) {
        merged = merge(first, lastSettled);
        mergedFirst = first;
        mergedLast = lastSettled;
      }
      merged.forEach(visitor);
    }
    ring.forEach(Math.max(from, lastSettled + width), to,
        (start, bucket) -> bucket.forEach(visitor));
  }

  /** Visits each bucket that overlaps {@code [from, to]}, as {@link TimeRing#forEach} does. */
  void forEachBucket(long from, long to, TimeRing.Visitor<K, LatencySlots> visitor) {
    ring.forEach(from, to, visitor);
  }

  private Map<K, LatencySlots> merge(long first, long last) {
    Map<K, LatencyCounts> sums = new HashMap<>();
    ring.forEach(first, last, (start, bucket) -> bucket.forEach((key, slots) ->
        slots.addTo(sums.computeIfAbsent(key, k -> new LatencyCounts()), true)));
    Map<K, LatencySlots> out = new HashMap<>(sums.size() * 2);
    sums.forEach((key, counts) -> out.put(key, counts.toSlots()));
    return out;
  }
}
