package dev.backtrack.servlet.http;

import dev.backtrack.sdk.trace.RequestContext;
import java.net.URI;

/** What every client hook does with a finished call. */
final class Outgoing {
  private Outgoing() {}

  /** {@code host} or {@code host:port} of {@code uri} (the port only when explicit). */
  static String host(URI uri) {
    if (uri == null || uri.getHost() == null) {
      return "unknown";
    }
    return uri.getPort() >= 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
  }

  /**
   * Records a call on {@code ctx}, the request that made it (captured when the call started, as
   * async completions run elsewhere), or as a stand-alone call when there was none.
   */
  static void record(RequestContext ctx, String host, String method, int status,
      long startNanos, boolean failed) {
    long micros = (System.nanoTime() - startNanos) / 1000;
    boolean error = failed || status == 0 || status >= 500;
    if (ctx != null) {
      ctx.recordOutgoing(host, method, status, micros, error);
    } else {
      dev.backtrack.sdk.Backtrack.recordOutgoing(host, method, status, micros, error);
    }
  }
}
