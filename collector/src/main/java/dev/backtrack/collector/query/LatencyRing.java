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
  /** Windows up to this long read the 5-second buckets; longer ones read whole minutes. */
  static final int FINE_UP_TO_SECONDS = 900;

  private final TimeRing<K, LatencySlots> ring;
  /** The newest bucket whose histograms were compacted; later ones are still written. */
  private long compactedThrough = Long.MIN_VALUE;
  private long mergedFirst = Long.MIN_VALUE;
  private long mergedLast = Long.MIN_VALUE;
  private Map<K, LatencySlots> merged;

  LatencyRing(int bucketSeconds, int spanSeconds) {
    ring = new TimeRing<>(bucketSeconds, spanSeconds);
  }

  /** 5-second buckets for windows up to {@link #FINE_UP_TO_SECONDS}, and no further back. */
  static <K> LatencyRing<K> fine() {
    return new LatencyRing<>(5, FINE_UP_TO_SECONDS);
  }

  /** Minute buckets for the whole hour. */
  static <K> LatencyRing<K> coarse() {
    return new LatencyRing<>(60, Window.MAX_SECONDS);
  }

  /** The ring of the two that serves a window of {@code windowSeconds}. */
  static <K> LatencyRing<K> forWindow(long windowSeconds, LatencyRing<K> fine,
      LatencyRing<K> coarse) {
    return windowSeconds <= FINE_UP_TO_SECONDS ? fine : coarse;
  }

  int bucketSeconds() {
    return ring.bucketSeconds();
  }

  void record(long second, K key, long micros) {
    LatencySlots slots = ring.get(second, key, k -> new LatencySlots());
    if (slots.record(micros)) {
      merged = null;
    } else if (ring.bucketStart(second) <= compactedThrough) {
      slots.compact(); // a bucket first written after it settled: late events keep it compact
    }
    compactSettled(second);
  }

  /**
   * Compacts the buckets that settled since the last call, as seen from the newest event's
   * second: an hour of open hash tables would hold several times the memory.
   */
  private void compactSettled(long second) {
    int width = ring.bucketSeconds();
    long settled = ring.bucketStart(second - width - LatencySlots.SETTLED_AFTER_SECONDS);
    if (settled <= compactedThrough) {
      return;
    }
    long from = compactedThrough == Long.MIN_VALUE ? settled
        : Math.max(compactedThrough + width, settled - Window.MAX_SECONDS);
    ring.forEach(from, settled, (start, bucket) -> bucket.values().forEach(LatencySlots::compact));
    compactedThrough = settled;
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
