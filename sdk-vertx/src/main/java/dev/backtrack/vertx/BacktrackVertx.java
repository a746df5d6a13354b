package dev.backtrack.vertx;

import dev.backtrack.sdk.BacktrackOptions;
import dev.backtrack.sdk.report.HttpTransport;
import dev.backtrack.sdk.report.Reporter;
import dev.backtrack.sdk.report.ReporterSettings;
import dev.backtrack.sdk.trace.RequestContext;
import dev.backtrack.vertx.impl.RouteMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.VertxTracerFactory;
import java.net.URI;
import java.util.Objects;

/**
 * Builds a {@code Vertx} whose HTTP client calls and SQL client queries are attributed to the
 * request that made them, and whose Vert.x Web routes are reported as templates:
 *
 * <pre>{@code
 * Vertx vertx = BacktrackVertx.builder(new VertxOptions()).service("shop-api").build();
 * router.route().handler(BacktrackHandler.create());
 * }</pre>
 *
 * <p>Unless given a {@link #reporter(Reporter) reporter}, the instance gets its own, configured
 * by {@link BacktrackOptions#fromEnvironment()} and the calls below, and flushed and stopped when
 * the instance closes. Reporting runs on sdk-core's daemon thread, never on an event loop.
 */
public final class BacktrackVertx {
  /** The SDK name sent with every batch. */
  public static final String SDK = "backtrack-vertx/0.1.0";

  private final VertxOptions vertxOptions;
  private BacktrackOptions options;
  private Reporter reporter;
  private VertxTracerFactory delegate;
  private VertxMetricsFactory metricsDelegate;

  private BacktrackVertx(VertxOptions vertxOptions) {
    this.vertxOptions = vertxOptions == null ? new VertxOptions() : vertxOptions;
  }

  /** A builder over the application's own options (a copy is taken at {@link #build()}). */
  public static BacktrackVertx builder(VertxOptions vertxOptions) {
    return new BacktrackVertx(vertxOptions);
  }

  /** A builder over default Vert.x options. */
  public static BacktrackVertx builder() {
    return new BacktrackVertx(null);
  }

  /** The SDK options; the default reads system properties and the environment. */
  public BacktrackVertx options(BacktrackOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    return this;
  }

  /** The service name shown in the dashboard, 1-128 characters. */
  public BacktrackVertx service(String service) {
    this.options = options().service(service);
    return this;
  }

  /** The collector's ingest URL, such as {@code http://127.0.0.1:9876/ingest}. */
  public BacktrackVertx endpoint(String endpoint) {
    this.options = options().endpoint(endpoint);
    return this;
  }

  /**
   * Records into {@code reporter} instead of a reporter of the instance's own; the caller keeps
   * owning it (it is not closed with the instance).
   */
  public BacktrackVertx reporter(Reporter reporter) {
    this.reporter = Objects.requireNonNull(reporter, "reporter");
    return this;
  }

  /** Another tracer to keep (a Vert.x instance has one): every span is forwarded to it. */
  public BacktrackVertx tracer(VertxTracerFactory delegate) {
    this.delegate = delegate;
    return this;
  }

  /**
   * The application's own metrics (Micrometer's {@code MicrometerMetricsFactory}, say): every
   * metric is forwarded to it. A Vert.x instance has one metrics implementation, and backtrack
   * needs it to learn which routes matched.
   */
  public BacktrackVertx metrics(VertxMetricsFactory delegate) {
    this.metricsDelegate = delegate;
    return this;
  }

  /** Creates the instance (and its reporter). */
  public Vertx build() {
    VertxOptions copy = new VertxOptions(vertxOptions);
    VertxBuilder builder = Vertx.builder();
    MetricsOptions metrics = copy.getMetricsOptions();
    if (metricsDelegate != null || metrics == null || !metrics.isEnabled()) {
      // the metrics SPI is where Vert.x Web reports matched routes; metrics enabled in the
      // options without a factory given here stay the application's, and routes fall back
      // to the current route
      if (metrics == null || !metrics.isEnabled()) {
        copy.setMetricsOptions(new MetricsOptions(metrics == null ? new MetricsOptions()
            : metrics).setEnabled(true));
      }
      builder.withMetrics(RouteMetrics.factory(metricsDelegate));
    }
    boolean owned = reporter == null;
    Reporter r = owned ? startReporter(options()) : reporter;
    builder.with(copy).withTracer(new BacktrackTracerFactory(r, delegate, owned));
    try {
      return builder.build();
    } catch (RuntimeException e) {
      if (owned) {
        r.close(java.time.Duration.ZERO);
      }
      throw e;
    }
  }

  private BacktrackOptions options() {
    if (options == null) {
      options = BacktrackOptions.fromEnvironment();
    }
    return options;
  }

  private static Reporter startReporter(BacktrackOptions opts) {
    if (!opts.enabled()) {
      return Reporter.noop();
    }
    ReporterSettings settings = new ReporterSettings(opts.service(), SDK, opts.bufferSize(),
        opts.flushIntervalMillis(), opts.heartbeatIntervalMillis(),
        ReporterSettings.DEFAULT_MAX_BATCH_EVENTS, ReporterSettings.DEFAULT_MAX_BACKOFF_MILLIS,
        RequestContext::inFlight);
    return Reporter.start(settings, new HttpTransport(URI.create(opts.endpoint()), opts.token()));
  }
}
