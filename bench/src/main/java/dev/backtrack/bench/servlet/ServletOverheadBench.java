package dev.backtrack.bench.servlet;

import dev.backtrack.bench.ab.AbRounds;
import dev.backtrack.bench.ab.LoopbackLoad;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.List;
import java.util.Locale;

/**
 * Loopback A/B of the servlet SDK: the same Jetty application with and without
 * {@code BacktrackFilter} (and the JDBC wrapper), each in a JVM of its own
 * ({@link ServletSampleServer}), under the same closed-loop load from this JVM, in alternating
 * pairs of rounds ({@link AbRounds}), with both apps launched afresh several times. The SDK
 * reports to a real collector embedded in its JVM.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.backtrack.bench.servlet.ServletOverheadBench \
 *     [connections=32] [seconds per round=2] [pairs per launch=8] [launches=3] \
 *     [collector|counting|noop|plain|passthrough|header] [servlets|spring]
 * </pre>
 *
 * {@code counting} swaps the collector for a transport that only counts bytes: the difference
 * between the two runs is what the collector's own work in the same process costs the app.
 * {@code noop} drops every event unencoded: what the request path alone costs. {@code plain}
 * runs the plain app against itself: what the A/B reads when there is no difference.
 * {@code passthrough} puts a filter that does nothing in front of it, and {@code header} one
 * that only answers a fixed {@code X-Request-ID}: what any filter costs, and what the header
 * the SDK must answer costs on both ends of the connection. {@code spring} serves the same paths
 * through Spring MVC behind Spring Boot's default filters ({@link SpringRoutes}), as most
 * servlet applications are built, instead of three bare servlets.
 */
public final class ServletOverheadBench {
  private static final List<String> MODES =
      List.of("counting", "noop", "plain", "passthrough", "header");

  private ServletOverheadBench() {}

  public static void main(String[] args) throws Exception {
    int connections = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    long roundMillis = (args.length > 1 ? Long.parseLong(args[1]) : 2) * 1000;
    int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int launches = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    String transport = args.length > 4 && MODES.contains(args[4])
        ? args[4] : "collector";
    boolean spring = args.length > 5 && args[5].equals("spring");
    String prefix = spring ? ServletSampleServer.SPRING : "";
    List<String> paths = List.of(ServletSampleApp.PATHS);

    Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try {
      // the warm-up inside AbRounds also lets the collector take its first batches
      AbRounds.Outcome outcome = AbRounds.run(new LoopbackLoad(clientVertx),
          ServletSampleServer.class.getName(), prefix + "plain", prefix + transport, paths,
          connections, roundMillis, pairs, launches);
      System.out.printf(Locale.ROOT, "connections=%d, %d launches x %d pairs x %d ms, loopback,"
          + " each app in its own JVM, %s, paths %s, sdk %s; measured requests with the sdk:"
          + " %d%n", connections, launches, pairs, roundMillis,
          spring ? "Spring MVC" : "plain servlets", paths, transport, outcome.sdk().requests());
      outcome.print();
    } finally {
      clientVertx.close().await();
    }
  }
}
