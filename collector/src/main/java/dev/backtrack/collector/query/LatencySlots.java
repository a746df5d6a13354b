package dev.backtrack.collector.query;

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
  private long[] counts = new long[8];
  private int size;
  // Once settled: the used slots sorted by index, exactly sized (null while written).
  private int[] sortedIndexes;
  private long[] sortedCounts;

  /**
   * Counts one value.
   *
   * @return whether the bucket had been settled (a late event), so merges made of it are stale
   */
  boolean record(long micros) {
    boolean late = keys == null;
    if (late) {
      expand();
    }
    int key = index(Math.max(0, Math.min(micros, HIGHEST_MICROS))) + 1;
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
        return late;
      }
    }
    counts[i]++;
    return late;
  }

  /** A settled bucket holding {@code counts[i]} values in slot {@code indexes[i]}, sorted. */
  static LatencySlots settled(int[] indexes, long[] counts) {
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
      if (sortedIndexes.length > 0) {
        target.ensureSlot(sortedIndexes[sortedIndexes.length - 1]);
      }
      for (int i = 0; i < sortedIndexes.length; i++) {
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
    java.util.Arrays.sort(packed);
    sortedIndexes = new int[size];
    sortedCounts = new long[size];
    for (int i = 0; i < size; i++) {
      sortedIndexes[i] = (int) (packed[i] >>> 40);
      sortedCounts[i] = packed[i] & ((1L << 40) - 1);
    }
    keys = null;
    counts = null;
  }

  /** Whether the bucket is in its compact, read-only form. */
  boolean isCompact() {
    return keys == null;
  }

  /** Back to the writable form, for an event that arrives after its bucket settled. */
  private void expand() {
    int[] indexes = sortedIndexes;
    long[] slotCounts = sortedCounts;
    int capacity = 8;
    while (capacity < indexes.length * 2 + 2) {
      capacity *= 2;
    }
    keys = new int[capacity];
    counts = new long[capacity];
    size = 0;
    sortedIndexes = null;
    sortedCounts = null;
    int mask = capacity - 1;
    for (int j = 0; j < indexes.length; j++) {
      int key = indexes[j] + 1;
      int i = mix(key) & mask;
      while (keys[i] != 0) {
        i = (i + 1) & mask;
      }
      keys[i] = key;
      counts[i] = slotCounts[j];
      size++;
    }
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
    long[] oldCounts = counts;
    keys = new int[oldKeys.length * 2];
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

  private static int mix(int key) {
    int h = key * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
