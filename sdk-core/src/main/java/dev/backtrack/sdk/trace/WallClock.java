package dev.backtrack.sdk.trace;

/**
 * Wall-clock milliseconds from a {@code System.nanoTime()} reading, so that a request needs one
 * clock read at each end instead of two at its start. The offset between the two clocks is
 * taken again after every second, which follows adjustments of the system clock closely
 * enough for timestamps kept to the millisecond.
 */
final class WallClock {
  private static final long RECALIBRATE_AFTER_NANOS = 1_000_000_000L;

  /** Epoch nanoseconds minus {@code nanoTime}, as measured at {@code atNanos}. */
  private record Offset(long nanos, long atNanos) {}

  private static volatile Offset offset = measure();

  private WallClock() {}

  /** Milliseconds since the epoch at the moment {@code System.nanoTime()} read {@code nanos}. */
  static long millisAt(long nanos) {
    Offset o = offset;
    if (nanos - o.atNanos() > RECALIBRATE_AFTER_NANOS) {
      o = measure();
      offset = o;
    }
    return Math.floorDiv(nanos + o.nanos(), 1_000_000L);
  }

  /**
   * Reads both clocks, three times over, and keeps the reading taken in the shortest time: a
   * thread descheduled between the two reads would otherwise put every timestamp off by as long
   * as it waited, until the next measurement.
   */
  private static Offset measure() {
    Offset best = null;
    long shortest = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long before = System.nanoTime();
      long millis = System.currentTimeMillis();
      long took = System.nanoTime() - before;
      if (took < shortest) {
        shortest = took;
        best = new Offset(millis * 1_000_000L - before, before);
      }
    }
    return best;
  }
}
