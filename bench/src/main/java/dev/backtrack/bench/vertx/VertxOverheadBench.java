package dev.backtrack.bench.vertx;

import dev.backtrack.bench.ab.AbRounds;
import dev.backtrack.bench.ab.LoopbackLoad;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.List;

/**
 * Loopback A/B of the Vert.x SDK: the same sample application with and without it, each in a
 * JVM of its own ({@link SampleServer}), under the same closed-loop load from this JVM, in
 * alternating pairs of rounds ({@link AbRounds}), with both apps launched afresh several times.
 *
 * <p>Arguments (all optional): connections (default 32), seconds per round (default 2), pairs
 * per launch (default 8), launches (default 3), {@code noop} to measure the request path alone
 * (events dropped instead of encoded and sent), {@code header} for the plain app answering a
 * fixed {@code X-Request-ID} (what that header costs, server and load generator together), or
 * {@code plain} to run the plain app against itself (what the A/B reads when there is no
 * difference). Prints throughput, the ratio
 * instrumented / plain (target at least 0.97), the latency percentiles and the CPU per request
 * by thread.
 */
public final class VertxOverheadBench {
  private VertxOverheadBench() {}

  public static void main(String[] args) throws Exception {
    int connections = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    long roundMillis = (args.length > 1 ? Long.parseLong(args[1]) : 2) * 1000;
    int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int launches = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    String mode = args.length > 4 && List.of("noop", "header", "plain").contains(args[4])
        ? args[4] : "sdk";

    Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try {
      AbRounds.Outcome outcome = AbRounds.run(new LoopbackLoad(clientVertx),
          SampleServer.class.getName(), "plain", mode,
          List.of(SampleApp.PATH), connections, roundMillis, pairs, launches);
      System.out.printf("connections=%d, %d launches x %d pairs x %d ms, loopback, each app in"
          + " its own JVM with 1 event loop, the second app: %s%n", connections, launches, pairs,
          roundMillis, switch (mode) {
            case "noop" -> "sdk dropping events";
            case "header" -> "plain with a fixed X-Request-ID";
            case "plain" -> "plain as well";
            default -> "sdk encoding every event";
          });
      outcome.print();
    } finally {
      clientVertx.close().await();
    }
  }
}
