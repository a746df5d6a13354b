package dev.backtrack.vertx.impl;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;

/**
 * HTTP server metrics that give each request a {@link RouteTrail} and forward every call to
 * the application's own server metrics, if any, with their own request metric.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class ServerMetrics implements HttpServerMetrics<RouteTrail, Object, Object> {
  private final HttpServerMetrics inner;

  ServerMetrics(HttpServerMetrics<?, ?, ?> inner) {
    this.inner = inner;
  }

  @Override
  public RouteTrail requestBegin(Object socketMetric, HttpRequest request) {
    return new RouteTrail(inner == null ? null : inner.requestBegin(socketMetric, request));
  }

  @Override
  public void requestRouted(RouteTrail trail, String route) {
    if (trail != null) {
      trail.routed(route);
      if (inner != null) {
        inner.requestRouted(trail.inner, route);
      }
    }
  }

  @Override
  public void requestEnd(RouteTrail trail, HttpRequest request, long bytesRead) {
    if (inner != null && trail != null) {
      inner.requestEnd(trail.inner, request, bytesRead);
    }
  }

  @Override
  public void requestReset(RouteTrail trail) {
    if (trail != null) {
      trail.ended();
      if (inner != null) {
        inner.requestReset(trail.inner);
      }
    }
  }

  @Override
  public void responseBegin(RouteTrail trail, HttpResponse response) {
    if (inner != null && trail != null) {
      inner.responseBegin(trail.inner, response);
    }
  }

  @Override
  public RouteTrail responsePushed(Object socketMetric, HttpMethod method, String uri,
      HttpResponse response) {
    return new RouteTrail(
        inner == null ? null : inner.responsePushed(socketMetric, method, uri, response));
  }

  @Override
  public void responseEnd(RouteTrail trail, HttpResponse response, long bytesWritten) {
    if (trail != null) {
      trail.ended();
      if (inner != null) {
        inner.responseEnd(trail.inner, response, bytesWritten);
      }
    }
  }

  @Override
  public Object connected(Object socketMetric, RouteTrail trail, ServerWebSocket webSocket) {
    return inner == null ? null
        : inner.connected(socketMetric, trail == null ? null : trail.inner, webSocket);
  }

  @Override
  public void disconnected(Object webSocketMetric) {
    if (inner != null) {
      inner.disconnected(webSocketMetric);
    }
  }

  @Override
  public Object connected(SocketAddress remoteAddress, String remoteName) {
    return inner == null ? null : inner.connected(remoteAddress, remoteName);
  }

  @Override
  public void disconnected(Object socketMetric, SocketAddress remoteAddress) {
    if (inner != null) {
      inner.disconnected(socketMetric, remoteAddress);
    }
  }

  @Override
  public void bytesRead(Object socketMetric, SocketAddress remoteAddress, long numberOfBytes) {
    if (inner != null) {
      inner.bytesRead(socketMetric, remoteAddress, numberOfBytes);
    }
  }

  @Override
  public void bytesWritten(Object socketMetric, SocketAddress remoteAddress,
      long numberOfBytes) {
    if (inner != null) {
      inner.bytesWritten(socketMetric, remoteAddress, numberOfBytes);
    }
  }

  @Override
  public void exceptionOccurred(Object socketMetric, SocketAddress remoteAddress,
      Throwable t) {
    if (inner != null) {
      inner.exceptionOccurred(socketMetric, remoteAddress, t);
    }
  }

  @Override
  public void close() {
    if (inner != null) {
      inner.close();
    }
  }
}
