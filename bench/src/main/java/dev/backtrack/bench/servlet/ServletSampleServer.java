package dev.backtrack.bench.servlet;

import dev.backtrack.bench.ab.AppMain;
import dev.backtrack.bench.ab.CountingTransport;
import dev.backtrack.sdk.Backtrack;
import dev.backtrack.sdk.BacktrackOptions;
import dev.backtrack.sdk.report.Reporter;
import dev.backtrack.servlet.BacktrackFilter;
import java.time.Duration;
import java.util.List;

/**
 * The servlet sample app in a JVM of its own, for {@link ServletOverheadBench}: {@code plain};
 * {@code counting}, the SDK reporting into a transport that only counts bytes;
 * {@code collector}, the SDK reporting to a real collector embedded in the same JVM;
 * {@code noop}, the SDK's request path with every event dropped unencoded; {@code passthrough}
 * and {@code header}, the plain app behind a filter of its own (see
 * {@link ServletOverheadBench}). Prefixed with {@code spring-}, the app serves its paths
 * through Spring MVC ({@link SpringRoutes}) instead of plain servlets.
 */
public final class ServletSampleServer {
  /** The prefix of modes whose app serves its paths through Spring MVC. */
  static final String SPRING = "spring-";

  private ServletSampleServer() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "plain";
    ServletSampleApp.Routes routes = ServletSampleApp.SERVLETS;
    if (mode.startsWith(SPRING)) {
      routes = new SpringRoutes();
      mode = mode.substring(SPRING.length());
    }
    if (List.of("plain", "noop", "passthrough", "header").contains(mode)) {
      try (ServletSampleApp app = switch (mode) {
        case "plain" -> ServletSampleApp.plain(routes);
        case "passthrough" -> ServletSampleApp.passThrough(routes);
        case "header" -> ServletSampleApp.requestIdHeader(routes);
        default -> ServletSampleApp.instrumented(routes, Reporter.noop());
      }) {
        AppMain.serveUntilStdinCloses(app.port());
      }
      return;
    }
    CountingTransport counting = new CountingTransport();
    try (BenchCollector collector = mode.equals("collector") ? new BenchCollector() : null) {
      // A buffer large enough that every request is sent: the SDK's whole cost is measured,
      // not the cheaper path of dropping what does not fit.
      BacktrackOptions options = BacktrackOptions.defaults().service("servlet-bench")
          .bufferSize(50_000).sdk(BacktrackFilter.SDK);
      if (collector == null) {
        Backtrack.start(options, counting);
      } else {
        Backtrack.start(options.endpoint(collector.ingestEndpoint()));
      }
      try {
        try (ServletSampleApp app = ServletSampleApp.instrumented(routes, null)) {
          AppMain.serveUntilStdinCloses(app.port());
        }
        boolean flushed = Backtrack.reporter().flush(Duration.ofSeconds(30));
        long dropped = Backtrack.reporter().dropped();
        if (collector == null) {
          System.out.printf("sdk reported %d bytes to a counting transport; dropped %d"
              + " events%n", counting.bytes(), dropped);
        } else {
          System.out.printf("collector counted %d requests (warm-up included); sdk flushed"
              + " everything: %s; dropped %d events%n", settledCount(collector), flushed,
              dropped);
        }
      } finally {
        Backtrack.stop(); // before the collector closes, so that the last flush finds it
      }
    }
  }

  /** The collector's count once it stops growing: it may still be storing the last batches. */
  private static long settledCount(BenchCollector collector) throws Exception {
    long last = -1;
    long count = collector.requestsCounted();
    for (int i = 0; i < 40 && count != last; i++) {
      Thread.sleep(500);
      last = count;
      count = collector.requestsCounted();
    }
    return count;
  }
}
