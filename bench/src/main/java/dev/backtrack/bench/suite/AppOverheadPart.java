package dev.backtrack.bench.suite;

import java.util.List;

/**
 * The loopback A/B of a sample application with and without an SDK (servlet or Vert.x): the
 * throughput ratio and how much the p99 latency moved, from the benchmark's own summary lines.
 */
final class AppOverheadPart implements Part {
  private static final String CONNECTIONS = "32";
  private static final String ROUNDS = "3";

  private final String name;
  private final String title;
  private final String mainClass;
  private final String ratioRegex;
  private final String p99Regex;

  private AppOverheadPart(String name, String title, String mainClass, String ratioRegex,
      String p99Regex) {
    this.name = name;
    this.title = title;
    this.mainClass = mainClass;
    this.ratioRegex = ratioRegex;
    this.p99Regex = p99Regex;
  }

  static AppOverheadPart servlet() {
    return new AppOverheadPart("servlet-ab", "servlet (Jetty 12 + H2)",
        "dev.backtrack.bench.servlet.ServletOverheadBench",
        "servlet throughput ratio ([0-9.]+)", "servlet p99 change ([-+0-9.]+) %");
  }

  static AppOverheadPart vertx() {
    return new AppOverheadPart("vertx-ab", "Vert.x Web",
        "dev.backtrack.bench.vertx.VertxOverheadBench",
        "throughput ratio ([0-9.]+)", "; p99 ([-+0-9.]+) %");
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
    String seconds = context.quick() ? "1" : "3";
    String output = JavaMain.run(context.log(name), 300, mainClass, CONNECTIONS, seconds,
        context.quick() ? "1" : ROUNDS);
    double ratio = Output.number(output, ratioRegex, "throughput ratio");
    double p99 = Output.number(output, p99Regex, "p99 change");
    return List.of(
        Row.of("app throughput ratio with/without SDK, " + title, ratio, "×",
            Target.atLeast(0.97, "≥ 0.97")),
        Row.of("app p99 latency change with SDK, " + title, p99, "%",
            Target.atMost(5, "≤ +5 %")));
  }
}
