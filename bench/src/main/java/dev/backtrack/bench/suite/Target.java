package dev.backtrack.bench.suite;

/**
 * A promise a figure is held to, such as "at most 1 µs" or "at least 150,000 events/s", and
 * once a value is known, whether it holds. Figures without a promise are only reported.
 */
record Target(String text, Kind kind, double bound, Double value) {
  enum Kind { AT_MOST, AT_LEAST, NONE, FAILED, NOT_RUN, INCONCLUSIVE }

  /** Met when the figure is below {@code bound} (or equal to it). */
  static Target atMost(double bound, String text) {
    return new Target(text, Kind.AT_MOST, bound, null);
  }

  /** Met when the figure is {@code bound} or more. */
  static Target atLeast(double bound, String text) {
    return new Target(text, Kind.AT_LEAST, bound, null);
  }

  /** Reported for information; no promise is made about it. */
  static Target none() {
    return new Target("—", Kind.NONE, 0, null);
  }

  static Target failed() {
    return new Target("—", Kind.FAILED, 0, null);
  }

  /** A promised figure this run did not measure; never counts as met. */
  Target notRun() {
    return new Target(text, Kind.NOT_RUN, bound, null);
  }

  /** A figure whose error bound is wider than the target: it can neither meet nor miss it. */
  Target inconclusive(double measured) {
    return new Target(text, Kind.INCONCLUSIVE, bound, measured);
  }

  Target withValue(double measured) {
    return new Target(text, kind, bound, measured);
  }

  String verdict() {
    return switch (kind) {
      case NONE -> "—";
      case FAILED -> "not met (no figure)";
      case NOT_RUN -> "not measured";
      case INCONCLUSIVE -> "inconclusive (error > target)";
      case AT_MOST -> value != null && value <= bound ? "met" : "NOT MET";
      case AT_LEAST -> value != null && value >= bound ? "met" : "NOT MET";
    };
  }
}
