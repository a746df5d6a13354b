package dev.backtrack.bench.vertx;

import dev.backtrack.bench.ab.AbRounds;
import dev.backtrack.bench.ab.AppProcess;
import dev.backtrack.bench.ab.LoopbackLoad;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.List;

/**
 * Loopback A/B of the Vert.x SDK: the same sample application with and without it, each in a
 * JVM of its own ({@link SampleServer}), under the same closed-loop load from this JVM, in
 * alternating pairs of rounds ({@link AbRounds}).
 *
 * <p>Arguments (all optional): connections (default 32), seconds per round (default 2), pairs
 * (default 16), {@code noop} to measure the request path alone (events dropped
 * instead of encoded and sent). Prints throughput, the ratio instrumented / plain (target at least
 * 0.97) and the latency percentiles.
 */
public final class VertxOverheadBench {
  private VertxOverheadBench() {}

  public static void main(String[] args) throws Exception {
    int connections = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    long roundMillis = (args.length > 1 ? Long.parseLong(args[1]) : 2) * 1000;
    int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    boolean reporting = args.length <= 3 || !args[3].equals("noop");

    Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    String server = SampleServer.class.getName();
    try (AppProcess plain = new AppProcess(server, "plain");
        AppProcess sdk = new AppProcess(server, reporting ? "sdk" : "noop")) {
      AbRounds.Outcome outcome = AbRounds.run(new LoopbackLoad(clientVertx), plain, sdk,
          List.of(SampleApp.PATH), connections, roundMillis, pairs);
      System.out.printf("connections=%d, %d pairs x %d ms, loopback, each app in its own JVM"
          + " with 1 event loop, reporter %s%n", connections, pairs, roundMillis,
          reporting ? "encoding every event" : "dropping events");
      outcome.print();
      plain.stop();
      sdk.stop().forEach(System.out::println);
    } finally {
      clientVertx.close().await();
    }
  }
}
