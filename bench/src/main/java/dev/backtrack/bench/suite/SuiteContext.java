package dev.backtrack.bench.suite;

import java.nio.file.Path;

/**
 * What every part needs to know: where the repository is (for the collector's jar), where logs
 * go, and whether this is a quick smoke run with shorter durations and smaller data.
 */
record SuiteContext(Path repo, Path logs, boolean quick) {
  Path collectorJar() {
    return repo.resolve("collector/target/backtrack.jar");
  }

  Path log(String part) {
    return logs.resolve(part + ".log");
  }
}
