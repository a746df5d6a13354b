package dev.backtrack.collector.query;

import org.HdrHistogram.Histogram;

/**
 * A sparse latency histogram: counts per HdrHistogram slot (two significant digits, so every
 * value lands in a slot no wider than 1 % of it). A time bucket holds only the slots it used,
 * a few hundred bytes instead of a dense histogram's kilobytes; a window query adds the slots
 * into one dense {@link Histogram} and reads the percentiles from there.
 */
final class LatencySlots {
  /** Significant decimal digits kept: values are exact to within 1 %. */
  static final int SIGNIFICANT_DIGITS = 2;

  /** One day in microseconds, the longest duration the protocol accepts. */
  private static final long HIGHEST_MICROS = 86_400_000_000L;

  /** Only used to map a value to its slot; never recorded into, so sharing it is safe. */
  private static final Histogram SLOTS = new Histogram(1, HIGHEST_MICROS, SIGNIFICANT_DIGITS);

  // Open addressing; a key is the slot's lowest value plus one so that 0 means "empty".
  private long[] keys = new long[8];
  private long[] counts = new long[8];
  private int size;

  void record(long micros) {
    long value = Math.max(0, Math.min(micros, HIGHEST_MICROS));
    long key = SLOTS.lowestEquivalentValue(value) + 1;
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (keys[i] != 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (keys[i] == 0) {
      keys[i] = key;
      if (++size * 2 > keys.length) {
        counts[i] = 1;
        grow();
        return;
      }
    }
    counts[i]++;
  }

  /** Adds every recorded value of this bucket into {@code target}. */
  void addTo(Histogram target) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        target.recordValueWithCount(keys[i] - 1, counts[i]);
      }
    }
  }

  /** A dense histogram to merge buckets into; it grows to the largest value it gets. */
  static Histogram newMergeTarget() {
    return new Histogram(SIGNIFICANT_DIGITS);
  }

  /**
   * The value at {@code percentile} (0–100) in microseconds, never above {@code maxMicros}
   * (the exact maximum, which a slot's upper bound could overshoot); 0 when empty.
   */
  static long percentile(Histogram merged, double percentile, long maxMicros) {
    if (merged.getTotalCount() == 0) {
      return 0;
    }
    return Math.min(merged.getValueAtPercentile(percentile), maxMicros);
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new long[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != 0) {
        int i = mix(oldKeys[j]) & mask;
        while (keys[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        counts[i] = oldCounts[j];
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
