package dev.backtrack.bench.servlet;

import dev.backtrack.bench.ab.AbRounds;
import dev.backtrack.bench.ab.LoopbackLoad;
import dev.backtrack.sdk.Backtrack;
import dev.backtrack.sdk.BacktrackOptions;
import dev.backtrack.servlet.BacktrackFilter;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loopback A/B of the servlet SDK: the same Jetty application with and without
 * {@link BacktrackFilter} (and the JDBC wrapper), under the same closed-loop load, in
 * alternating pairs of rounds ({@link AbRounds}). The SDK reports to a real embedded
 * collector.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.backtrack.bench.servlet.ServletOverheadBench \
 *     [connections=32] [seconds per round=2] [pairs=16] [collector|counting]
 * </pre>
 *
 * {@code counting} swaps the collector for a transport that only counts bytes: the difference
 * between the two runs is what the collector's own work in the same process costs the app.
 */
public final class ServletOverheadBench {
  private ServletOverheadBench() {}

  public static void main(String[] args) throws Exception {
    int connections = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    long roundMillis = (args.length > 1 ? Long.parseLong(args[1]) : 2) * 1000;
    int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    boolean counting = args.length > 3 && args[3].equals("counting");
    List<String> paths = List.of(ServletSampleApp.PATHS);
    AtomicLong countedBytes = new AtomicLong();

    Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try (BenchCollector collector = new BenchCollector()) {
      // A buffer large enough that every request is sent: the SDK's whole cost is measured,
      // not the cheaper path of dropping what does not fit.
      BacktrackOptions options = BacktrackOptions.defaults().service("servlet-bench")
          .endpoint(collector.ingestEndpoint()).bufferSize(50_000).sdk(BacktrackFilter.SDK);
      if (counting) {
        Backtrack.start(options, json -> {
          countedBytes.addAndGet(json.length);
          return 200;
        });
      } else {
        Backtrack.start(options);
      }
      try (ServletSampleApp plain = ServletSampleApp.plain();
          ServletSampleApp sdk = ServletSampleApp.instrumented()) {
        LoopbackLoad load = new LoopbackLoad(clientVertx);
        // the warm-up inside AbRounds also lets the collector take its first batches
        AbRounds.Outcome outcome = AbRounds.run(load, plain.port(), sdk.port(), paths,
            connections, roundMillis, pairs);
        long counted = flushAndCount(collector);
        System.out.printf(Locale.ROOT, "connections=%d, %d pairs x %d ms, loopback, paths %s%n",
            connections, pairs, roundMillis, paths);
        outcome.print();
        if (counting) {
          System.out.printf(Locale.ROOT, "sdk reported %d bytes to a counting transport;"
              + " dropped %d events%n", countedBytes.get(), Backtrack.reporter().dropped());
        } else {
          System.out.printf(Locale.ROOT, "collector counted %d requests (warm-up included; %d"
              + " measured); sdk dropped %d events%n", counted, outcome.sdk().requests(),
              Backtrack.reporter().dropped());
        }
      } finally {
        Backtrack.stop();
      }
    } finally {
      clientVertx.close().await();
    }
  }

  /** Sends what the SDK holds, lets the collector aggregate it, and reads its count. */
  private static long flushAndCount(BenchCollector collector) throws Exception {
    Backtrack.reporter().flush(Duration.ofSeconds(10));
    Thread.sleep(1500);
    return collector.requestsCounted();
  }
}
