package dev.backtrack.bench.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * The loopback A/B of a sample application with and without an SDK (servlet or Vert.x): the
 * throughput ratio and how much the p99 latency moved, from the benchmark's own summary lines.
 *
 * <p>The rows that judge the SDK against its targets launch both apps six times: each JVM's JIT
 * moves a Jetty app's own cost by up to a microsecond per request, either way, which three
 * launches do not average out.
 */
final class AppOverheadPart implements Part {
  private static final String CONNECTIONS = "32";
  private static final String PAIRS = "8";
  /** Seconds one launch of both apps may take, warm-up and eight pairs included. */
  private static final int SECONDS_PER_LAUNCH = 150;

  private final String name;
  private final String title;
  private final String mainClass;
  /** The benchmark's arguments after the launch count: transport, app. */
  private final List<String> options;
  private final int launches;

  private AppOverheadPart(String name, String title, String mainClass, int launches,
      String... options) {
    this.name = name;
    this.title = title;
    this.mainClass = mainClass;
    this.options = List.of(options);
    this.launches = launches;
  }

  /** The servlet app reporting to a real collector embedded in the same process. */
  static AppOverheadPart servlet() {
    return new AppOverheadPart("servlet-ab", "servlet + collector in process",
        "dev.backtrack.bench.servlet.ServletOverheadBench", 3, "collector");
  }

  /** The same with a transport that only counts bytes: the SDK's cost alone. */
  static AppOverheadPart servletSdkOnly() {
    return new AppOverheadPart("servlet-ab-sdk-only", "servlet, SDK only (counting transport)",
        "dev.backtrack.bench.servlet.ServletOverheadBench", 6, "counting");
  }

  /** The same paths served by Spring MVC behind Spring Boot's default filters. */
  static AppOverheadPart springSdkOnly() {
    return new AppOverheadPart("spring-ab-sdk-only",
        "Spring MVC, SDK only (counting transport)",
        "dev.backtrack.bench.servlet.ServletOverheadBench", 6, "counting", "spring");
  }

  /** The Vert.x sample app; its SDK reports into a transport that only counts bytes. */
  static AppOverheadPart vertx() {
    return new AppOverheadPart("vertx-ab", "Vert.x, SDK only (counting transport)",
        "dev.backtrack.bench.vertx.VertxOverheadBench", 6);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> benchmarks() {
    return List.of("app throughput ratio, " + title);
  }

  @Override
  public List<Row> run(SuiteContext context) throws Exception {
    String seconds = context.quick() ? "1" : "2";
    String pairs = context.quick() ? "1" : PAIRS;
    int launchCount = context.quick() ? 1 : launches;
    int timeout = 60 + SECONDS_PER_LAUNCH * launchCount;
    List<String> args = new ArrayList<>(List.of(CONNECTIONS, seconds, pairs,
        String.valueOf(launchCount)));
    args.addAll(options);
    String output = JavaMain.run(context.log(name), timeout, mainClass,
        args.toArray(new String[0]));
    double ratio = Output.number(output, "throughput ratio ([0-9.]+)", "throughput ratio");
    double p99 = Output.number(output, "p99 change ([-+0-9.]+) %", "p99 change");
    return List.of(
        Row.of("app throughput ratio, " + title, ratio, "×",
            Target.atLeast(0.97, "≥ 0.97")),
        Row.of("app p99 change, " + title, p99, "%",
            Target.atMost(5, "≤ +5 %")));
  }
}
