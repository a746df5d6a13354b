package dev.backtrack.vertx.impl;

import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.ClientMetrics;
import io.vertx.core.spi.metrics.DatagramSocketMetrics;
import io.vertx.core.spi.metrics.EventBusMetrics;
import io.vertx.core.spi.metrics.HttpClientMetrics;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.PoolMetrics;
import io.vertx.core.spi.metrics.TCPMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;

/**
 * The smallest metrics SPI implementation that learns route templates: Vert.x Web hands the
 * routes a request matched to {@link HttpServerMetrics#requestRouted}, and nothing else does.
 * Everything else is forwarded to the application's own metrics (Micrometer, say), if any.
 */
public final class RouteMetrics implements VertxMetrics {
  private final VertxMetrics delegate;

  private RouteMetrics(VertxMetrics delegate) {
    this.delegate = delegate;
  }

  /**
   * A factory for {@code VertxBuilder.withMetrics}.
   *
   * @param delegate the application's own metrics factory, or null
   */
  public static VertxMetricsFactory factory(VertxMetricsFactory delegate) {
    return options -> new RouteMetrics(delegate == null ? null : delegate.metrics(options));
  }

  /** The trail of a request, when {@code metric} is the request metric this SPI made. */
  static RouteTrail trailOf(Object metric) {
    return metric instanceof RouteTrail t ? t : null;
  }

  @Override
  public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(HttpServerOptions options,
      SocketAddress localAddress) {
    HttpServerMetrics<?, ?, ?> inner =
        delegate == null ? null : delegate.createHttpServerMetrics(options, localAddress);
    return new ServerMetrics(inner);
  }

  @Override
  public EventBusMetrics<?> createEventBusMetrics() {
    return delegate == null ? null : delegate.createEventBusMetrics();
  }

  @Override
  public ClientMetrics<?, ?, ?> createClientMetrics(SocketAddress remoteAddress, String type,
      String namespace) {
    return delegate == null ? null
        : delegate.createClientMetrics(remoteAddress, type, namespace);
  }

  @Override
  public HttpClientMetrics<?, ?, ?> createHttpClientMetrics(HttpClientOptions options) {
    return delegate == null ? null : delegate.createHttpClientMetrics(options);
  }

  @Override
  public TCPMetrics<?> createNetServerMetrics(NetServerOptions options,
      SocketAddress localAddress) {
    return delegate == null ? null : delegate.createNetServerMetrics(options, localAddress);
  }

  @Override
  public TCPMetrics<?> createNetClientMetrics(NetClientOptions options) {
    return delegate == null ? null : delegate.createNetClientMetrics(options);
  }

  @Override
  public DatagramSocketMetrics createDatagramSocketMetrics(DatagramSocketOptions options) {
    return delegate == null ? null : delegate.createDatagramSocketMetrics(options);
  }

  @Override
  public PoolMetrics<?, ?> createPoolMetrics(String poolType, String poolName, int maxPoolSize) {
    return delegate == null ? null
        : delegate.createPoolMetrics(poolType, poolName, maxPoolSize);
  }

  @Override
  public void vertxCreated(io.vertx.core.Vertx vertx) {
    if (delegate != null) {
      delegate.vertxCreated(vertx);
    }
  }

  @Override
  public boolean isMetricsEnabled() {
    return delegate == null || delegate.isMetricsEnabled();
  }

  @Override
  public void close() {
    if (delegate != null) {
      delegate.close();
    }
  }
}
