package dev.backtrack.bench.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Loopback A/B of the Vert.x SDK: the same sample application with and without it, under the
 * same closed-loop load, in alternating rounds so that drift hits both alike.
 *
 * <p>Arguments (all optional): connections (default 32), seconds per round (default 5), rounds
 * per variant (default 4), {@code noop} to measure the request path alone (events dropped
 * instead of encoded and sent). Prints throughput, the ratio instrumented / plain (target at least
 * 0.97) and the latency percentiles.
 */
public final class VertxOverheadBench {
  private VertxOverheadBench() {}

  public static void main(String[] args) throws Exception {
    int connections = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    long roundMillis = (args.length > 1 ? Long.parseLong(args[1]) : 5) * 1000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    boolean reporting = args.length <= 3 || !args[3].equals("noop");

    Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try (SampleApp plain = SampleApp.plain(1); SampleApp sdk = reporting ? SampleApp.instrumented(1)
        : SampleApp.instrumentedWithoutReporting(1)) {
      LoadLoop load = new LoadLoop(clientVertx);
      // warm both up (JIT, connection pools) before anything counts
      load.run(plain.port(), SampleApp.PATH, connections, roundMillis);
      load.run(sdk.port(), SampleApp.PATH, connections, roundMillis);

      List<LoadLoop.Result> plainRuns = new ArrayList<>();
      List<LoadLoop.Result> sdkRuns = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        if (round % 2 == 0) {
          plainRuns.add(load.run(plain.port(), SampleApp.PATH, connections, roundMillis));
          sdkRuns.add(load.run(sdk.port(), SampleApp.PATH, connections, roundMillis));
        } else {
          sdkRuns.add(load.run(sdk.port(), SampleApp.PATH, connections, roundMillis));
          plainRuns.add(load.run(plain.port(), SampleApp.PATH, connections, roundMillis));
        }
      }
      LoadLoop.Result a = merge(plainRuns);
      LoadLoop.Result b = merge(sdkRuns);
      System.out.printf("connections=%d, %d rounds x %d ms per variant, loopback,"
          + " 1 server event loop each, reporter %s%n", connections, rounds, roundMillis,
          reporting ? "encoding every event" : "dropping events");
      print("plain", a);
      print("with sdk", b);
      System.out.printf("throughput ratio %.3f (target >= 0.97); p99 %+.1f %% (target within"
          + " 5 %%); the sdk reported %d bytes and dropped %d events%n",
          b.throughput() / a.throughput(), (b.p99Micros() / a.p99Micros() - 1) * 100,
          sdk.reportedBytes.get(), sdk.dropped());
    } finally {
      clientVertx.close().await();
    }
  }

  private static LoadLoop.Result merge(List<LoadLoop.Result> runs) {
    long requests = 0;
    long errors = 0;
    double seconds = 0;
    Histogram histogram = runs.get(0).latencyMicros().copy();
    histogram.reset();
    for (LoadLoop.Result r : runs) {
      requests += r.requests();
      errors += r.errors();
      seconds += r.seconds();
      histogram.add(r.latencyMicros());
    }
    return new LoadLoop.Result(requests, errors, seconds, histogram);
  }

  private static void print(String name, LoadLoop.Result r) {
    System.out.printf("%-9s %9.0f req/s   p50 %6.0f us   p99 %6.0f us   errors %d%n", name,
        r.throughput(), r.p50Micros(), r.p99Micros(), r.errors());
  }
}
