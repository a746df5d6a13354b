package dev.backtrack.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs every benchmark with short settings and prints one table of figures against the
 * project's targets; also writes it as Markdown to {@code bench/target/results.md}.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.backtrack.bench.suite.Suite \
 *     [--repo DIR] [--only part,part] [--with-10m] [--quick]
 * </pre>
 *
 * Parts: cold-start, jmh, servlet-ab, servlet-ab-sdk-only, spring-ab-sdk-only, vertx-ab, ingest,
 * query-1000000, scanner, and with {@code --with-10m} query-10000000, which fills ten million events through
 * {@code /ingest} first (about a minute on two cores). {@code --quick} shortens every part
 * for a smoke test; its figures are not results.
 */
public final class Suite {
  private Suite() {}

  private static final QueryPart TEN_MILLION = new QueryPart(10_000_000, 40, 50);

  static List<Part> parts() {
    return List.of(
        new ColdStartPart(), // first, while no other JVM of the suite is around
        new JmhPart(),
        AppOverheadPart.servlet(),
        AppOverheadPart.servletSdkOnly(),
        AppOverheadPart.springSdkOnly(),
        AppOverheadPart.vertx(),
        new IngestPart(),
        new QueryPart(1_000_000, 100, 20),
        new ScannerPart(),
        TEN_MILLION);
  }

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(".");
    Set<String> only = Set.of();
    boolean quick = false;
    boolean tenMillion = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--repo" -> repo = Path.of(args[++i]);
        case "--only" -> only = Set.of(args[++i].split(","));
        case "--quick" -> quick = true;
        case "--with-10m" -> tenMillion = true;
        default -> {
          System.err.println("unknown argument " + args[i]
              + "; usage: Suite [--repo DIR] [--only part,part] [--with-10m] [--quick]");
          System.exit(2);
        }
      }
    }
    Path target = repo.resolve("bench/target");
    SuiteContext context = new SuiteContext(repo, target.resolve("suite-logs"), quick);
    Files.createDirectories(context.logs());

    Instant started = Instant.now();
    List<Row> rows = new ArrayList<>();
    for (Part part : parts()) {
      if (!only.isEmpty() && !only.contains(part.name())) {
        continue;
      }
      if (part == TEN_MILLION && !tenMillion && !only.contains(part.name())) {
        rows.add(TEN_MILLION.notRun("--with-10m"));
        continue;
      }
      long partStart = System.nanoTime();
      System.out.printf(Locale.ROOT, "%s  %-15s running...%n",
          Instant.now().truncatedTo(ChronoUnit.SECONDS), part.name());
      try {
        rows.addAll(part.run(context));
      } catch (Exception | AssertionError e) {
        System.out.println("  failed: " + e.getMessage());
        for (String benchmark : part.benchmarks()) {
          rows.add(Row.failed(benchmark));
        }
      }
      System.out.printf(Locale.ROOT, "%s  %-15s done in %.0f s%n",
          Instant.now().truncatedTo(ChronoUnit.SECONDS), part.name(),
          (System.nanoTime() - partStart) / 1e9);
    }
    long seconds = java.time.Duration.between(started, Instant.now()).toSeconds();
    String machine = Machine.describe();
    System.out.println();
    System.out.println(machine);
    System.out.println(ResultsTable.text(rows));
    System.out.printf(Locale.ROOT, "suite ran %d min %02d s%s; logs in %s%n", seconds / 60,
        seconds % 60, quick ? " (--quick: smoke test, not results)" : "", context.logs());
    Path results = target.resolve("results.md");
    Files.writeString(results, "Run " + started.truncatedTo(ChronoUnit.SECONDS) + ", "
        + seconds / 60 + " min " + seconds % 60 + " s" + (quick ? " (--quick smoke test)" : "")
        + ". " + machine + "\n\n" + ResultsTable.markdown(rows));
    System.out.println("table written to " + results);
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
