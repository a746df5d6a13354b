package dev.backtrack.collector.query;

/** The seconds {@code [from, to]} (epoch seconds) a window covers at one moment. */
record WindowRange(Window window, long nowSecond, long from, long to) {
  static WindowRange of(Window window, long nowMillis) {
    long now = Math.floorDiv(nowMillis, 1000);
    return new WindowRange(window, now, now - window.seconds() + 1, now);
  }

  long seconds() {
    return window.seconds();
  }
}
