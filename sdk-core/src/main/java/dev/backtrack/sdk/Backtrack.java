package dev.backtrack.sdk;

import dev.backtrack.sdk.event.OutgoingCall;
import dev.backtrack.sdk.report.HttpTransport;
import dev.backtrack.sdk.report.Reporter;
import dev.backtrack.sdk.report.ReporterSettings;
import dev.backtrack.sdk.report.Transport;
import dev.backtrack.sdk.trace.RequestContext;
import dev.backtrack.sdk.trace.TraceHeaders;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SDK's entry point: started once per process, then used by the integrations.
 *
 * <p>Everything here is safe to call before {@link #start} or when disabled: nothing is
 * recorded then, at no cost.
 */
public final class Backtrack {
  private static final System.Logger LOG = System.getLogger("dev.backtrack.sdk");

  private static volatile Reporter reporter = Reporter.noop();
  private static volatile BacktrackOptions options;

  private Backtrack() {}

  /**
   * Starts reporting to the collector. A second call while started keeps the first setup and
   * returns false; {@link #stop} first to change it.
   *
   * @return whether this call started reporting
   */
  public static synchronized boolean start(BacktrackOptions opts) {
    if (options != null) {
      return false;
    }
    options = opts;
    if (!opts.enabled()) {
      LOG.log(System.Logger.Level.INFO, "backtrack is disabled");
      return true;
    }
    Transport transport = new HttpTransport(URI.create(opts.endpoint()), opts.token());
    return start(opts, transport);
  }

  /** Starts reporting through {@code transport} instead of HTTP (tests, custom delivery). */
  public static synchronized boolean start(BacktrackOptions opts, Transport transport) {
    if (options != null && reporter != Reporter.noop()) {
      return false;
    }
    options = opts;
    ReporterSettings settings = new ReporterSettings(opts.service(), opts.sdk(),
        opts.bufferSize(), opts.flushIntervalMillis(), opts.heartbeatIntervalMillis(),
        ReporterSettings.DEFAULT_MAX_BATCH_EVENTS, ReporterSettings.DEFAULT_MAX_BACKOFF_MILLIS,
        RequestContext::inFlight);
    reporter = Reporter.start(settings, transport);
    LOG.log(System.Logger.Level.DEBUG, "backtrack started: " + opts);
    return true;
  }

  /** Flushes for at most two seconds and stops reporting; {@link #start} may be called again. */
  public static synchronized void stop() {
    Reporter r = reporter;
    reporter = Reporter.noop();
    options = null;
    r.close(Duration.ofSeconds(2));
  }

  /** Whether {@link #start} was called (and not stopped) with reporting enabled. */
  public static boolean isStarted() {
    return reporter != Reporter.noop();
  }

  /** The options started with, or null before start. */
  public static BacktrackOptions options() {
    return options;
  }

  /** The reporter; never null (a no-op one before start or when disabled). */
  public static Reporter reporter() {
    return reporter;
  }

  /**
   * Headers to add to an outgoing call made while serving a request: {@code X-Correlation-ID},
   * {@code X-Parent-Request-ID} (this request's id) and a W3C {@code traceparent}. Empty outside
   * of a request.
   */
  public static Map<String, String> currentHeaders() {
    RequestContext ctx = RequestContext.current();
    if (ctx == null) {
      return Map.of();
    }
    return headersFor(ctx);
  }

  /** The headers {@link #currentHeaders} returns, for a given request. */
  public static Map<String, String> headersFor(RequestContext ctx) {
    Map<String, String> h = new LinkedHashMap<>(4);
    h.put(TraceHeaders.CORRELATION_ID, ctx.correlationId());
    h.put(TraceHeaders.PARENT_REQUEST_ID, ctx.requestId());
    h.put(TraceHeaders.TRACEPARENT, TraceHeaders.traceparent(ctx));
    return h;
  }

  /**
   * Names the current request's route template, for the few routes an integration cannot see
   * (a front controller that dispatches by itself, say). Give the canonical form:
   * {@code /reports/{id}}, one template for all requests it serves, never a raw path.
   *
   * @return whether a request was current on this thread to take it
   */
  public static boolean route(String routeTemplate) {
    RequestContext ctx = RequestContext.current();
    if (ctx == null) {
      return false;
    }
    ctx.route(routeTemplate);
    return true;
  }

  /**
   * Records an outgoing call: on the current request when there is one, else on its own.
   *
   * @param host {@code host} or {@code host:port}
   * @param method the HTTP method
   * @param status the response status, 0 when none arrived
   * @param micros the call's duration in microseconds
   * @param error whether the call failed
   */
  public static void recordOutgoing(String host, String method, int status, long micros,
      boolean error) {
    RequestContext ctx = RequestContext.current();
    if (ctx != null) {
      ctx.recordOutgoing(host, method, status, micros, error);
    } else if (isStarted()) {
      long ts = System.currentTimeMillis() - micros / 1000;
      reporter.record(new OutgoingCall(ts, null, null, method, host, status, micros, error));
    }
  }
}
