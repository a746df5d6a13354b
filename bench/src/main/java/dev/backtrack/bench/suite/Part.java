package dev.backtrack.bench.suite;

import java.util.List;

/** One piece of the suite: runs its benchmark and turns what it measured into rows. */
interface Part {
  /** Short name, used by {@code --only} and for the log file. */
  String name();

  /** Rows to show when the part fails before it measured anything. */
  List<String> benchmarks();

  List<Row> run(SuiteContext context) throws Exception;
}
