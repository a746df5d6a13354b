package dev.backtrack.bench.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Ingest under full load: the collector runs as users run it (its own process from the jar)
 * while the ingest load generator posts gzip batches from a second JVM; then the generator's
 * raw sqlite-jdbc batched-insert baseline runs on the same machine, for the ratio. The
 * collector's peak RSS is read from {@code /proc} after the load.
 */
final class IngestPart implements Part {
  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public List<String> benchmarks() {
    return List.of("ingest committed events/s", "collector RSS under full load");
  }

  @Override
  public List<Row> run(SuiteContext context) throws Exception {
    Path tmp = Files.createTempDirectory("backtrack-ingest");
    String output;
    long peakRss;
    try (CollectorProcess collector = CollectorProcess.launch(context.collectorJar(),
        tmp, tmp.resolve("home"), context.logs().resolve("ingest-collector.log"))) {
      collector.awaitHealthy(Duration.ofSeconds(30));
      // The generator shares the two cores with the collector: the parallel collector's
      // cheaper barriers leave more of them to the process under test.
      output = JavaMain.run(context.log(name()), 180, List.of("-XX:+UseParallelGC"),
          "dev.backtrack.bench.ingest.IngestLoad", "--url", collector.ingestUrl(),
          "--seconds", context.quick() ? "5" : "20", "--warmup", context.quick() ? "2" : "5");
      peakRss = collector.peakRssBytes();
    } finally {
      Suite.deleteTree(tmp);
    }
    double committed = Output.number(output, "committed events/s\\s+([0-9,]+)",
        "committed events/s");
    double p50 = Output.number(output, "ingest latency ms\\s+p50 ([0-9.]+)", "ingest p50");
    double p99 = Output.number(output, "ingest latency ms.*p99 ([0-9.]+)", "ingest p99");
    double sqlite = Output.number(output, "sqlite baseline rows/s ([0-9,]+)",
        "sqlite baseline");
    return List.of(
        Row.of("ingest: committed events/s (collector process, 8 clients)",
            committed, "events/s", Target.atLeast(150_000, "≥ 150,000")),
        Row.of("ingest latency p50 (answer after commit)", p50, "ms", Target.none()),
        Row.of("ingest latency p99", p99, "ms", Target.none()),
        Row.of("raw sqlite-jdbc batched inserts (same run)", sqlite, "rows/s",
            Target.none()),
        Row.of("ingest / raw sqlite-jdbc ratio", committed / sqlite, "×", Target.none()),
        Row.of("collector peak RSS under full ingest load", peakRss / 1048576.0, "MB",
            Target.atMost(512, "< 512 MB")));
  }
}
