package dev.backtrack.bench.vertx;

import dev.backtrack.bench.ab.AppMain;

/**
 * The sample app in a JVM of its own, for {@link VertxOverheadBench}: {@code plain},
 * {@code sdk} (events encoded into a counting transport), {@code noop} (events dropped) or
 * {@code header} (plain, answering a fixed {@code X-Request-ID} as the SDK would).
 */
public final class SampleServer {
  private SampleServer() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "plain";
    try (SampleApp app = switch (mode) {
      case "sdk" -> SampleApp.instrumented(1);
      case "noop" -> SampleApp.instrumentedWithoutReporting(1);
      case "header" -> SampleApp.plainWithRequestIdHeader(1);
      default -> SampleApp.plain(1);
    }) {
      AppMain.serveUntilStdinCloses(app.port());
      System.out.printf("the sdk reported %d bytes and dropped %d events%n",
          app.reportedBytes(), app.dropped());
    }
  }
}
