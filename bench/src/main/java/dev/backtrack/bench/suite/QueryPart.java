package dev.backtrack.bench.suite;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dashboard latency: the query bench fills a collector with a number of events in the last hour
 * and times every endpoint for the 5-minute and 1-hour windows, all services and one; the row
 * is the worst p99 over all of them, and the worst p99 of building one SSE snapshot; and how
 * much heap the collector holds for that hour.
 */
final class QueryPart implements Part {
  private static final Pattern LINE = Pattern.compile(
      "^(/api/\\S+|SSE snapshot.*?)\\s+([0-9.]+)\\s+([0-9.]+)\\s*$", Pattern.MULTILINE);

  private final long events;
  private final int calls;
  private final double targetMillis;

  QueryPart(long events, int calls, double targetMillis) {
    this.events = events;
    this.calls = calls;
    this.targetMillis = targetMillis;
  }

  /** The row shown when this part is left out of a run. */
  Row notRun(String how) {
    return new Row("dashboard endpoints, " + count(events) + " events in the hour: worst p99",
        "not run (" + how + ")", "ms", target().notRun());
  }

  private Target target() {
    return Target.atMost(targetMillis, "< " + Row.format(targetMillis) + " ms");
  }

  @Override
  public String name() {
    return "query-" + events;
  }

  @Override
  public List<String> benchmarks() {
    return List.of("dashboard endpoints p99, " + count(events) + " events");
  }

  @Override
  public List<Row> run(SuiteContext context) throws Exception {
    long n = context.quick() ? Math.min(events, 100_000) : events;
    // The collector runs in this JVM: give it the garbage collector `backtrack start` gives it,
    // with the heap the CLI allows plus room for the load client that fills it.
    String output = JavaMain.run(context.log(name()), 1500,
        List.of("-Xmx384m", "-XX:+UseParallelGC"),
        "dev.backtrack.bench.query.QueryBench", String.valueOf(n),
        String.valueOf(context.quick() ? 20 : calls));
    String worstEndpoint = null;
    double worstEndpointP99 = -1;
    double worstSnapshotP99 = -1;
    Matcher m = LINE.matcher(output);
    while (m.find()) {
      double p99 = Double.parseDouble(m.group(3));
      if (m.group(1).startsWith("SSE")) {
        worstSnapshotP99 = Math.max(worstSnapshotP99, p99);
      } else if (p99 > worstEndpointP99) {
        worstEndpointP99 = p99;
        worstEndpoint = m.group(1);
      }
    }
    if (worstEndpoint == null || worstSnapshotP99 < 0) {
      throw new IllegalStateException("no endpoint timings in the output");
    }
    String scope = count(n) + " events in the hour";
    return List.of(
        Row.of("dashboard endpoints, " + scope + ": worst p99 (" + worstEndpoint + ")",
            worstEndpointP99, "ms", target()),
        Row.of("one SSE snapshot, " + scope + ": worst p99", worstSnapshotP99, "ms",
            Target.none()),
        Row.of("collector heap in use, " + scope + " (after a full GC)",
            Output.number(output, "heap in use after a full GC ([0-9.]+) MB", "heap in use"),
            "MB", Target.none()));
  }

  private static String count(long events) {
    return String.format(Locale.ROOT, "%,d", events);
  }
}
