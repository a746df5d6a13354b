package dev.backtrack.collector.query;

/**
 * Counters per key kept twice: per second and per minute. A window reads whole minutes from
 * the minute ring and only its ragged edges from the second ring, so an hour costs about 180
 * buckets instead of 3,600, with the same exact result.
 *
 * @param <K> the key, a record
 */
final class StatsRing<K> {
  private final TimeRing<K, Stats> seconds = new TimeRing<>(1, Window.MAX_SECONDS);
  private final TimeRing<K, Stats> minutes = new TimeRing<>(60, Window.MAX_SECONDS);

  /** Counts one event at {@code second} in both its second and its minute. */
  void record(long second, K key, long durationMicros, boolean error, long dbCount,
      long dbMicros, long outCount, long outMicros) {
    Stats s = seconds.get(second, key, k -> new Stats());
    s.record(durationMicros, error);
    s.recordWork(dbCount, dbMicros, outCount, outMicros);
    Stats m = minutes.get(second, key, k -> new Stats());
    m.record(durationMicros, error);
    m.recordWork(dbCount, dbMicros, outCount, outMicros);
  }

  /** Visits buckets covering exactly the seconds {@code [from, to]}, each second once. */
  void forEach(long from, long to, TimeRing.Visitor<K, Stats> visitor) {
    long firstFull = Math.floorDiv(from + 59, 60) * 60;
    long lastFull = Math.floorDiv(to + 1, 60) * 60 - 1;
    if (firstFull > lastFull) {
      seconds.forEach(from, to, visitor);
      return;
    }
    seconds.forEach(from, firstFull - 1, visitor);
    minutes.forEach(firstFull, lastFull, visitor);
    seconds.forEach(lastFull + 1, to, visitor);
  }

  /** Per-second buckets, for series with steps shorter than a minute. */
  TimeRing<K, Stats> seconds() {
    return seconds;
  }

  /** Per-minute buckets, for series with steps of whole minutes. */
  TimeRing<K, Stats> minutes() {
    return minutes;
  }
}
