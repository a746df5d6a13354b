package dev.backtrack.servlet.http;

import dev.backtrack.sdk.Backtrack;
import dev.backtrack.sdk.trace.RequestContext;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A {@code java.net.http.HttpClient} that records each call (host, method, status, duration,
 * failure) on the current request and adds the trace headers to it. Everything else is the
 * wrapped client's.
 *
 * <pre>{@code HttpClient client = BacktrackHttpClient.wrap(HttpClient.newHttpClient());}</pre>
 */
public final class BacktrackHttpClient extends HttpClient {
  private final HttpClient delegate;

  private BacktrackHttpClient(HttpClient delegate) {
    this.delegate = delegate;
  }

  /** {@code client} instrumented; an instrumented one is returned as it is. */
  public static HttpClient wrap(HttpClient client) {
    if (client == null || client instanceof BacktrackHttpClient) {
      return client;
    }
    return new BacktrackHttpClient(client);
  }

  /** The wrapped client. */
  public HttpClient delegate() {
    return delegate;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    RequestContext ctx = RequestContext.current();
    HttpRequest traced = withTraceHeaders(request, ctx);
    long start = System.nanoTime();
    String host = Outgoing.host(request.uri());
    try {
      HttpResponse<T> response = delegate.send(traced, handler);
      Outgoing.record(ctx, host, request.method(), response.statusCode(), start, false);
      return response;
    } catch (IOException | InterruptedException | RuntimeException e) {
      Outgoing.record(ctx, host, request.method(), 0, start, true);
      throw e;
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
      HttpResponse.BodyHandler<T> handler) {
    return sendAsync(request, handler, null);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
      HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
    RequestContext ctx = RequestContext.current();
    HttpRequest traced = withTraceHeaders(request, ctx);
    long start = System.nanoTime();
    String host = Outgoing.host(request.uri());
    CompletableFuture<HttpResponse<T>> future = push == null
        ? delegate.sendAsync(traced, handler)
        : delegate.sendAsync(traced, handler, push);
    return future.whenComplete((response, error) -> Outgoing.record(ctx, host, request.method(),
        response == null ? 0 : response.statusCode(), start, error != null));
  }

  private static HttpRequest withTraceHeaders(HttpRequest request, RequestContext ctx) {
    if (ctx == null) {
      return request;
    }
    Map<String, String> headers = Backtrack.headersFor(ctx);
    HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> true);
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (request.headers().firstValue(h.getKey()).isEmpty()) {
        copy.setHeader(h.getKey(), h.getValue());
      }
    }
    return copy.build();
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  @Override
  public WebSocket.Builder newWebSocketBuilder() {
    return delegate.newWebSocketBuilder();
  }

  // The lifecycle methods below exist on HttpClient from Java 21 on; declared here without
  // @Override so that on 21+ they override and reach the wrapped client, and on 17 are harmless.

  /** Initiates an orderly shutdown of the wrapped client (Java 21+). */
  public void shutdown() {
    reflect("shutdown");
  }

  /** Shuts the wrapped client down now (Java 21+). */
  public void shutdownNow() {
    reflect("shutdownNow");
  }

  /** Whether the wrapped client is terminated (Java 21+; false before). */
  public boolean isTerminated() {
    Object r = reflect("isTerminated");
    return r instanceof Boolean b && b;
  }

  /** Waits for the wrapped client to terminate (Java 21+; true at once before). */
  public boolean awaitTermination(Duration duration) throws InterruptedException {
    try {
      Object r = delegate.getClass().getMethod("awaitTermination", Duration.class)
          .invoke(delegate, duration);
      return r instanceof Boolean b && b;
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return true;
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof InterruptedException ie) {
        throw ie;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Closes the wrapped client (Java 21+). */
  public void close() {
    reflect("close");
  }

  private Object reflect(String method) {
    try {
      return HttpClient.class.getMethod(method).invoke(delegate);
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null; // Java 17: nothing to do
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
