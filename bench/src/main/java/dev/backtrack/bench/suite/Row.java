package dev.backtrack.bench.suite;

import java.util.Locale;

/**
 * One line of the results table: what was measured, the figure, its unit, the target and
 * whether the figure meets it.
 */
record Row(String benchmark, String figure, String unit, Target target) {

  /** A measured figure, judged against {@code target}. */
  static Row of(String benchmark, double value, String unit, Target target) {
    return new Row(benchmark, format(value), unit, target.withValue(value));
  }

  /** A part that produced no figure (the reason is in the suite's output); never met. */
  static Row failed(String benchmark) {
    return new Row(benchmark, "failed", "", Target.failed());
  }

  String verdict() {
    return target.verdict();
  }

  /** Three significant digits for small figures, grouped thousands for large ones. */
  static String format(double value) {
    double abs = Math.abs(value);
    if (abs >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (abs >= 1) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
