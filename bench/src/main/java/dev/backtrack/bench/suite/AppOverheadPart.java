package dev.backtrack.bench.suite;

import java.util.List;

/**
 * The loopback A/B of a sample application with and without an SDK (servlet or Vert.x): the
 * throughput ratio and how much the p99 latency moved, from the benchmark's own summary lines.
 */
final class AppOverheadPart implements Part {
  private static final String CONNECTIONS = "32";
  private static final String PAIRS = "8";
  private static final String LAUNCHES = "3";

  private final String name;
  private final String title;
  private final String mainClass;
  private final String transport;

  private AppOverheadPart(String name, String title, String mainClass, String transport) {
    this.name = name;
    this.title = title;
    this.mainClass = mainClass;
    this.transport = transport;
  }

  /** The servlet app reporting to a real collector embedded in the same process. */
  static AppOverheadPart servlet() {
    return new AppOverheadPart("servlet-ab", "servlet + collector in process",
        "dev.backtrack.bench.servlet.ServletOverheadBench", "collector");
  }

  /** The same with a transport that only counts bytes: the SDK's cost alone. */
  static AppOverheadPart servletSdkOnly() {
    return new AppOverheadPart("servlet-ab-sdk-only", "servlet, SDK only (counting transport)",
        "dev.backtrack.bench.servlet.ServletOverheadBench", "counting");
  }

  /** The Vert.x sample app; its SDK reports into a transport that only counts bytes. */
  static AppOverheadPart vertx() {
    return new AppOverheadPart("vertx-ab", "Vert.x, SDK only (counting transport)",
        "dev.backtrack.bench.vertx.VertxOverheadBench", null);
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
    String launches = context.quick() ? "1" : LAUNCHES;
    String output = transport == null
        ? JavaMain.run(context.log(name), 420, mainClass, CONNECTIONS, seconds, pairs, launches)
        : JavaMain.run(context.log(name), 420, mainClass, CONNECTIONS, seconds, pairs, launches,
            transport);
    double ratio = Output.number(output, "throughput ratio ([0-9.]+)", "throughput ratio");
    double p99 = Output.number(output, "p99 change ([-+0-9.]+) %", "p99 change");
    return List.of(
        Row.of("app throughput ratio, " + title, ratio, "×",
            Target.atLeast(0.97, "≥ 0.97")),
        Row.of("app p99 change, " + title, p99, "%",
            Target.atMost(5, "≤ +5 %")));
  }
}
