package dev.backtrack.bench.suite;

import java.util.List;

/** The scanner over 10,000 generated Java files, first run in a fresh JVM (what a user sees). */
final class ScannerPart implements Part {
  @Override
  public String name() {
    return "scanner";
  }

  @Override
  public List<String> benchmarks() {
    return List.of("scanner, 10,000 files");
  }

  @Override
  public List<Row> run(SuiteContext context) throws Exception {
    String output = JavaMain.run(context.log(name()), 180,
        "dev.backtrack.bench.scanner.ScanBench", "10000", "1");
    double wallMillis = Output.number(output, "run 1: .* in ([0-9]+) ms wall", "scan time");
    double cpuMillis = Output.number(output, "run 1: .* ms wall, ([0-9]+) ms CPU", "scan CPU");
    return List.of(
        Row.of("scanner: 10,000 Java files, cold JVM (wall)", wallMillis / 1000, "s",
            Target.atMost(10, "< 10 s")),
        Row.of("scanner: the same run, process CPU time", cpuMillis / 1000, "s",
            Target.none()));
  }
}
