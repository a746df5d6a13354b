package dev.backtrack.bench.suite;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH benchmarks, through JMH's Java API with short settings (one fork, 5 warm-up and 3
 * measured iterations of one second each): the SDK's request path, the real servlet filter,
 * the Vert.x handler over loopback, the JDBC wrapper, SQL normalizer, fingerprint and encoding.
 * Two warm-up seconds are not enough on two cores: the compiler, working beside the benchmark
 * thread, was still settling the request path in the first measured second.
 */
final class JmhPart implements Part {
  private static final String PACKAGE = "dev.backtrack.bench.";
  private static final String FILTER = PACKAGE + "servlet.FilterHotPathBenchmark.";
  private static final String HANDLER = PACKAGE + "vertx.HandlerHotPathBenchmark.";
  private static final String REQUEST_PATH = PACKAGE + "sdk.RequestPathBench.";
  private static final String JDBC = PACKAGE + "sdk.JdbcBench.";
  private static final String CORE = PACKAGE + "sdk.SdkCoreBench.";

  private static final Target HOT_PATH_MICROS = Target.atMost(1.0, "< 1 µs");

  @Override
  public String name() {
    return "jmh";
  }

  @Override
  public List<String> benchmarks() {
    return List.of("hot path (JMH)");
  }

  @Override
  public List<Row> run(SuiteContext context) throws Exception {
    if (context.quick()) {
      // a smoke test may overlap someone else's JMH run; real figures must not
      System.setProperty("jmh.ignoreLock", "true");
    }
    Options options = new OptionsBuilder()
        .include("dev\\.backtrack\\.bench\\.(servlet|vertx|sdk)\\..*")
        .forks(1)
        .warmupIterations(context.quick() ? 2 : 5).warmupTime(TimeValue.seconds(1))
        .measurementIterations(context.quick() ? 1 : 3).measurementTime(TimeValue.seconds(1))
        .output(context.log(name()).toString())
        .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Double> nanos = new HashMap<>();
    Map<String, Double> errorNanos = new HashMap<>();
    for (RunResult result : results) {
      var primary = result.getPrimaryResult();
      double factor = nanosPer(primary.getScoreUnit());
      nanos.put(result.getParams().getBenchmark(), primary.getScore() * factor);
      errorNanos.put(result.getParams().getBenchmark(), primary.getScoreError() * factor);
    }

    List<Row> rows = new ArrayList<>();
    rows.add(added("servlet filter added per request (JMH doFilter, in-process)",
        nanos, errorNanos, FILTER + "withFilter", FILTER + "withoutFilter"));
    rows.add(added("Vert.x handler added per request (JMH, loopback request)",
        nanos, errorNanos, HANDLER + "withSdk", HANDLER + "withoutSdk"));
    rows.add(added("SDK core request path (JMH)",
        nanos, errorNanos, REQUEST_PATH + "instrumented", REQUEST_PATH + "baseline"));
    rows.add(added("SDK core request path with 3 queries (JMH)", nanos, errorNanos,
        REQUEST_PATH + "instrumentedWithQueries", REQUEST_PATH + "baseline"));
    rows.add(added("JDBC wrapper added per query (JMH, in-memory SQLite)", nanos,
        errorNanos, JDBC + "instrumented", JDBC + "raw"));
    rows.add(single("SQL normalizer, one statement (JMH)", nanos, CORE + "normalizeSql"));
    rows.add(single("error fingerprint (JMH)", nanos, CORE + "fingerprint"));
    rows.add(single("error info with stack (JMH)", nanos, CORE + "errorInfo"));
    rows.add(single("encode a batch of 1,000 events with SQL and a call (JMH)", nanos,
        CORE + "encodeBatchOf1000"));
    rows.add(single("encode a batch of 1,000 plain events (JMH)", nanos,
        CORE + "encodePlainBatchOf1000"));
    return rows;
  }

  /** The difference between two benchmarks in µs, judged against the 1 µs hot-path target. */
  private static Row added(String name, Map<String, Double> nanos, Map<String, Double> errors,
      String with, String without) {
    if (!nanos.containsKey(with) || !nanos.containsKey(without)) {
      return Row.failed(name);
    }
    double micros = (nanos.get(with) - nanos.get(without)) / 1000;
    double errorMicros = (errors.get(with) + errors.get(without)) / 1000;
    Target target = name.contains("filter") || name.contains("handler")
        ? HOT_PATH_MICROS : Target.none();
    Row row = Row.of(name, micros, "µs", target);
    if (target.kind() == Target.Kind.AT_MOST && !(errorMicros <= target.bound())) {
      // a ± wider than the promise itself says nothing about the promise
      row = new Row(name, row.figure(), row.unit(), target.inconclusive(micros));
    }
    String figure = row.figure();
    if (!Double.isNaN(errorMicros)) {
      figure += " ± " + Row.format(errorMicros);
    }
    figure += " (" + Row.format(nanos.get(with) / 1000) + " vs " + Row.format(
        nanos.get(without) / 1000) + ")";
    return new Row(row.benchmark(), figure, row.unit(), row.target());
  }

  private static Row single(String name, Map<String, Double> nanos, String benchmark) {
    if (!nanos.containsKey(benchmark)) {
      return Row.failed(name);
    }
    return Row.of(name, nanos.get(benchmark) / 1000, "µs", Target.none());
  }

  private static double nanosPer(String unit) {
    return switch (unit) {
      case "ns/op" -> 1;
      case "us/op" -> TimeUnit.MICROSECONDS.toNanos(1);
      case "ms/op" -> TimeUnit.MILLISECONDS.toNanos(1);
      case "s/op" -> TimeUnit.SECONDS.toNanos(1);
      default -> throw new IllegalStateException("unexpected JMH unit " + unit);
    };
  }
}
