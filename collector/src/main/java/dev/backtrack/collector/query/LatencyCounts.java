package dev.backtrack.collector.query;

import java.util.Arrays;

/**
 * A dense latency histogram to merge {@link LatencySlots} into: counts by slot index, grown to
 * the highest slot used. Percentiles are read as HdrHistogram reads them.
 */
final class LatencyCounts {
  private long[] counts = new long[0];
  private long total;

  /** Makes room up to slot {@code index} at once, ahead of a run of sorted adds. */
  void ensureSlot(int index) {
    if (index >= counts.length) {
      counts = Arrays.copyOf(counts, index + 1);
    }
  }

  void add(int index, long count) {
    if (index >= counts.length) {
      counts = Arrays.copyOf(counts, Math.max(index + 1, counts.length * 2));
    }
    counts[index] += count;
    total += count;
  }

  void addAll(LatencyCounts other) {
    for (int i = 0; i < other.counts.length; i++) {
      if (other.counts[i] != 0) {
        add(i, other.counts[i]);
      }
    }
  }

  /** The same counts as a settled {@link LatencySlots}: only the slots used, kept small. */
  LatencySlots toSlots() {
    int used = 0;
    for (long count : counts) {
      used += count != 0 ? 1 : 0;
    }
    int[] indexes = new int[used];
    int[] slotCounts = new int[used];
    int n = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        indexes[n] = i;
        // a bucket's counts are ints: 2^31 values of one key in one hour is far beyond any load
        slotCounts[n++] = (int) Math.min(counts[i], Integer.MAX_VALUE);
      }
    }
    return LatencySlots.settled(indexes, slotCounts);
  }

  long total() {
    return total;
  }

  /**
   * The value at {@code percentile} (0–100) in µs: the highest value of the slot where the
   * count reaches that share (HdrHistogram's {@code getValueAtPercentile}); 0 when empty.
   */
  long valueAtPercentile(double percentile) {
    if (total == 0) {
      return 0;
    }
    double wanted = Math.min(Math.max(percentile, 0), 100);
    long countAtPercentile = Math.max(1, (long) Math.ceil(wanted / 100.0 * total));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= countAtPercentile) {
        return wanted == 0 ? LatencySlots.lowestValue(i) : LatencySlots.highestValue(i);
      }
    }
    return 0;
  }
}
