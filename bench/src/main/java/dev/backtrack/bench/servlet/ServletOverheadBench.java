package dev.backtrack.bench.servlet;

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
 * alternating rounds so that drift hits both alike. The SDK reports to a real embedded
 * collector.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.backtrack.bench.servlet.ServletOverheadBench \
 *     [connections=32] [seconds per round=5] [rounds per variant=4] [collector|counting]
 * </pre>
 *
 * {@code counting} swaps the collector for a transport that only counts bytes: the difference
 * between the two runs is what the collector's own work in the same process costs the app.
 */
public final class ServletOverheadBench {
  private ServletOverheadBench() {}

  public static void main(String[] args) throws Exception {
    int connections = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    long roundMillis = (args.length > 1 ? Long.parseLong(args[1]) : 5) * 1000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
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
        // warm both up (JIT, pools, the collector's first batches) before anything counts
        load.run(plain.port(), paths, connections, roundMillis);
        load.run(sdk.port(), paths, connections, roundMillis);
        long countedBefore = flushAndCount(collector);

        LoopbackLoad.Result a = null;
        LoopbackLoad.Result b = null;
        for (int round = 0; round < rounds; round++) {
          boolean plainFirst = round % 2 == 0;
          LoopbackLoad.Result first = load.run(plainFirst ? plain.port() : sdk.port(), paths,
              connections, roundMillis);
          LoopbackLoad.Result second = load.run(plainFirst ? sdk.port() : plain.port(), paths,
              connections, roundMillis);
          LoopbackLoad.Result plainRun = plainFirst ? first : second;
          LoopbackLoad.Result sdkRun = plainFirst ? second : first;
          a = a == null ? plainRun : a.plus(plainRun);
          b = b == null ? sdkRun : b.plus(sdkRun);
        }
        long counted = flushAndCount(collector) - countedBefore;
        System.out.printf(Locale.ROOT, "connections=%d, %d rounds x %d ms per variant, loopback,"
            + " paths %s%n", connections, rounds, roundMillis, paths);
        print("plain", a);
        print("with sdk", b);
        System.out.printf(Locale.ROOT, "servlet throughput ratio %.3f (target >= 0.97)%n",
            b.throughput() / a.throughput());
        System.out.printf(Locale.ROOT, "servlet p99 change %+.1f %% (target within 5 %%)%n",
            (b.p99Micros() / a.p99Micros() - 1) * 100);
        if (counting) {
          System.out.printf(Locale.ROOT, "sdk reported %d bytes to a counting transport;"
              + " dropped %d events%n", countedBytes.get(), Backtrack.reporter().dropped());
        } else {
          System.out.printf(Locale.ROOT, "collector counted %d of %d measured sdk requests;"
              + " sdk dropped %d events%n", counted, b.requests(), Backtrack.reporter().dropped());
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

  private static void print(String name, LoopbackLoad.Result r) {
    System.out.printf(Locale.ROOT, "%-9s %9.0f req/s   p50 %6.0f us   p99 %6.0f us   errors %d%n",
        name, r.throughput(), r.p50Micros(), r.p99Micros(), r.errors());
  }
}
