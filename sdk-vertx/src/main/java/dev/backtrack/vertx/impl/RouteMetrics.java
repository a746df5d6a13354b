package dev.backtrack.vertx.impl;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.core.spi.observability.HttpRequest;

/**
 * The smallest metrics SPI implementation that learns route templates: Vert.x Web hands the
 * routes a request matched to {@link HttpServerMetrics#requestRouted}, and nothing else does.
 * Every other metric stays a no-op.
 */
public final class RouteMetrics implements VertxMetrics {
  /** A factory for {@code VertxBuilder.withMetrics}. */
  public static final VertxMetricsFactory FACTORY = options -> new RouteMetrics();

  private static final ServerMetrics SERVER = new ServerMetrics();

  private RouteMetrics() {}

  @Override
  public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(HttpServerOptions options,
      SocketAddress localAddress) {
    return SERVER;
  }

  /** The trail of a request, when {@code metric} is the request metric this SPI made. */
  static RouteTrail trailOf(Object metric) {
    return metric instanceof RouteTrail t ? t : null;
  }

  private static final class ServerMetrics implements HttpServerMetrics<RouteTrail, Void, Void> {
    @Override
    public RouteTrail requestBegin(Void socketMetric, HttpRequest request) {
      return new RouteTrail();
    }

    @Override
    public void requestRouted(RouteTrail trail, String route) {
      if (trail != null) {
        trail.routed(route);
      }
    }
  }
}
