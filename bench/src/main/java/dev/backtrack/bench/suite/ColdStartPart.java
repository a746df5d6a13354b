package dev.backtrack.bench.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cold start of {@code java -jar backtrack.jar start}: from launching the process to the first
 * 200 from {@code /health}, on fresh databases. The first launch finds no caches in its home
 * folder (a first start on a machine); the figure held against the target is the median of the
 * five launches after it, which map the class cache the first one left. And the jar's size.
 */
final class ColdStartPart implements Part {
  private static final int LAUNCHES = 6;

  @Override
  public String name() {
    return "cold-start";
  }

  @Override
  public List<String> benchmarks() {
    return List.of("cold start to first served request", "fat jar size");
  }

  @Override
  public List<Row> run(SuiteContext context) throws Exception {
    Path jar = context.collectorJar();
    long jarBytes = Files.size(jar);
    Path tmp = Files.createTempDirectory("backtrack-cold-start");
    double[] millis = new double[LAUNCHES];
    List<String> each = new ArrayList<>();
    try {
      for (int i = 0; i < LAUNCHES; i++) {
        try (CollectorProcess collector = CollectorProcess.launch(jar, tmp.resolve("run" + i),
            tmp.resolve("home"), context.logs().resolve(name() + "-" + i + ".log"))) {
          millis[i] = collector.awaitHealthy(Duration.ofSeconds(30));
        }
        each.add(Row.format(millis[i]));
      }
    } finally {
      Suite.deleteTree(tmp);
    }
    Files.writeString(context.log(name()), "launch to first 200 from /health, ms: " + each
        + "\n");
    double[] later = Arrays.copyOfRange(millis, 1, LAUNCHES);
    Arrays.sort(later);
    return List.of(
        Row.of("cold start: `backtrack start` to /health 200 (median of 5)",
            later[later.length / 2] / 1000, "s", Target.atMost(2, "< 2 s")),
        Row.of("first start on a machine (no class cache yet)", millis[0] / 1000, "s",
            Target.none()),
        Row.of("fat jar size (backtrack.jar)", jarBytes / 1e6, "MB",
            Target.none()));
  }
}
