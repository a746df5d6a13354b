package dev.backtrack.servlet.http;

import dev.backtrack.sdk.Backtrack;
import dev.backtrack.sdk.trace.RequestContext;
import java.io.IOException;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Records the calls of an OkHttp client (host, method, status, duration, failure) on the
 * request that made them and adds the trace headers to them:
 *
 * <pre>{@code
 * OkHttpClient client = BacktrackOkHttpInterceptor.instrument(new OkHttpClient());
 * }</pre>
 *
 * <p>Added by hand, {@code builder.addInterceptor(new BacktrackOkHttpInterceptor())}, it follows
 * {@code execute()} calls only: {@code enqueue()} runs the call on OkHttp's own threads, and only
 * {@link #instrument} also remembers which request created each call.
 */
public final class BacktrackOkHttpInterceptor implements Interceptor {

  /**
   * {@code client} with this interceptor first and the request of each call remembered; it shares
   * the connection pool and dispatcher of {@code client}. An instrumented one is returned as it
   * is.
   */
  public static OkHttpClient instrument(OkHttpClient client) {
    if (client == null || client.interceptors().stream()
        .anyMatch(i -> i instanceof BacktrackOkHttpInterceptor)) {
      return client;
    }
    OkHttpClient.Builder builder = client.newBuilder()
        .eventListenerFactory(OkHttpCallOrigins.around(client.eventListenerFactory()));
    builder.interceptors().add(0, new BacktrackOkHttpInterceptor());
    return builder.build();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    RequestContext ctx = OkHttpCallOrigins.take(chain.call());
    if (ctx == null) {
      ctx = RequestContext.current();
    }
    Request request = ctx == null ? chain.request() : withTraceHeaders(chain.request(), ctx);
    String host = Outgoing.host(request.url().uri());
    String method = request.method();
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      Outgoing.record(ctx, host, method, response.code(), start, false);
      return response;
    } catch (IOException | RuntimeException e) {
      Outgoing.record(ctx, host, method, 0, start, true);
      throw e;
    }
  }

  private static Request withTraceHeaders(Request request, RequestContext ctx) {
    Request.Builder traced = request.newBuilder();
    for (Map.Entry<String, String> h : Backtrack.headersFor(ctx).entrySet()) {
      if (request.header(h.getKey()) == null) {
        traced.header(h.getKey(), h.getValue());
      }
    }
    return traced.build();
  }
}
