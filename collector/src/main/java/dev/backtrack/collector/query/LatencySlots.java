package dev.backtrack.collector.query;

import java.util.Arrays;

/**
 * A sparse latency histogram in HdrHistogram's layout with two significant digits (every value
 * lands in a slot no wider than 1 % of it; unit: µs). A time bucket holds only the slots it
 * used, a few hundred bytes instead of a dense histogram's kilobytes; a window query adds the
 * slots of its buckets into one {@link LatencyCounts} by slot index, a plain array addition.
 * {@code LatencySlotsTest} checks slots and percentiles against {@code org.HdrHistogram}.
 */
final class LatencySlots {
  /** One day in microseconds, the longest duration the protocol accepts. */
  static final long HIGHEST_MICROS = 86_400_000_000L;

  /** Values below this have slots of width 1 (HdrHistogram's sub-bucket count for 2 digits). */
  private static final int SUB_BUCKETS = 256;

  private static final int HALF_MAGNITUDE = 7;

  /** A bucket that ended this many seconds ago is settled: late events are rare. */
  static final int SETTLED_AFTER_SECONDS = 5;

  // While written: open addressing; a key is the slot index plus one so that 0 means "empty".
  private int[] keys = new int[8];
  private int[] counts = new int[8];
  private int size;
  // Once settled: the used slots sorted by index in the first `size` entries (null while
  // written).
  private int[] sortedIndexes;
  private int[] sortedCounts;

  /**
   * Counts one value.
   *
   * @return whether the bucket had been settled (a late event), so merges made of it are stale
   */
  boolean record(long micros) {
    int index = index(Math.max(0, Math.min(micros, HIGHEST_MICROS)));
    if (keys == null) {
      recordLate(index);
      return true;
    }
    int key = index + 1;
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
        return false;
      }
    }
    counts[i]++;
    return false;
  }

  /**
   * Counts a value into the compact form, which stays compact: a late event is rare, and a burst
   * of them (an SDK sending a backlog) finds its slots mostly there already.
   */
  private void recordLate(int index) {
    int at = Arrays.binarySearch(sortedIndexes, 0, size, index);
    if (at >= 0) {
      sortedCounts[at]++;
      return;
    }
    at = -at - 1;
    if (size == sortedIndexes.length) {
      int capacity = size + Math.max(4, size / 4);
      sortedIndexes = Arrays.copyOf(sortedIndexes, capacity);
      sortedCounts = Arrays.copyOf(sortedCounts, capacity);
    }
    System.arraycopy(sortedIndexes, at, sortedIndexes, at + 1, size - at);
    System.arraycopy(sortedCounts, at, sortedCounts, at + 1, size - at);
    sortedIndexes[at] = index;
    sortedCounts[at] = 1;
    size++;
  }

  /** A settled bucket holding {@code counts[i]} values in slot {@code indexes[i]}, sorted. */
  static LatencySlots settled(int[] indexes, int[] counts) {
    LatencySlots slots = new LatencySlots();
    slots.keys = null;
    slots.counts = null;
    slots.size = indexes.length;
    slots.sortedIndexes = indexes;
    slots.sortedCounts = counts;
    return slots;
  }

  /** Adds every recorded value of this bucket into {@code target}. */
  void addTo(LatencyCounts target) {
    if (keys == null) {
      if (size > 0) {
        target.ensureSlot(sortedIndexes[size - 1]);
      }
      for (int i = 0; i < size; i++) {
        target.add(sortedIndexes[i], sortedCounts[i]);
      }
      return;
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        target.add(keys[i] - 1, counts[i]);
      }
    }
  }

  /**
   * As {@link #addTo(LatencyCounts)}, first turning a settled bucket into sorted, exactly sized
   * arrays: smaller, and merged in one sequential pass.
   */
  void addTo(LatencyCounts target, boolean settled) {
    if (settled) {
      compact();
    }
    addTo(target);
  }

  /**
   * Turns a bucket that will see no more writes into sorted, exactly sized arrays: a quarter
   * of the open table's size or less. Does nothing when already compact.
   */
  void compact() {
    if (keys == null) {
      return;
    }
    long[] packed = new long[size];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        packed[n++] = ((long) (keys[i] - 1) << 40) | counts[i];
      }
    }
    Arrays.sort(packed);
    sortedIndexes = new int[size];
    sortedCounts = new int[size];
    for (int i = 0; i < size; i++) {
      sortedIndexes[i] = (int) (packed[i] >>> 40);
      sortedCounts[i] = (int) (packed[i] & Integer.MAX_VALUE);
    }
    keys = null;
    counts = null;
  }

  /** Whether the bucket is in its compact, read-only form. */
  boolean isCompact() {
    return keys == null;
  }

  /** The slot of {@code value} (≥ 0), as HdrHistogram's counts index with unit magnitude 0. */
  static int index(long value) {
    int bucket = 64 - HALF_MAGNITUDE - 1 - Long.numberOfLeadingZeros(value | (SUB_BUCKETS - 1));
    int subBucket = (int) (value >>> bucket);
    return ((bucket + 1) << HALF_MAGNITUDE) + subBucket - SUB_BUCKETS / 2;
  }

  /** The lowest value of slot {@code index}. */
  static long lowestValue(int index) {
    int bucket = (index >> HALF_MAGNITUDE) - 1;
    int subBucket = (index & (SUB_BUCKETS / 2 - 1)) + SUB_BUCKETS / 2;
    if (bucket < 0) {
      subBucket -= SUB_BUCKETS / 2;
      bucket = 0;
    }
    return (long) subBucket << bucket;
  }

  /** The highest value of slot {@code index}. */
  static long highestValue(int index) {
    int bucket = Math.max(0, (index >> HALF_MAGNITUDE) - 1);
    return lowestValue(index) + (1L << bucket) - 1;
  }

  private void grow() {
    int[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new int[oldKeys.length * 2];
    counts = new int[oldKeys.length * 2];
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

  private static int mix(int key) {
    int h = key * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
