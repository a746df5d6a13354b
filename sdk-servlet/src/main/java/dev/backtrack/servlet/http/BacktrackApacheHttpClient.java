package dev.backtrack.servlet.http;

import dev.backtrack.sdk.Backtrack;
import dev.backtrack.sdk.trace.RequestContext;
import java.io.IOException;
import java.util.Map;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;

/**
 * Records the calls of an Apache HttpClient 5 (classic) and adds the trace headers to them:
 * {@code BacktrackApacheHttpClient.instrument(HttpClients.custom()).build()}.
 */
public final class BacktrackApacheHttpClient implements ExecChainHandler {
  /** The name of the exec-chain element. */
  public static final String NAME = "backtrack";

  private BacktrackApacheHttpClient() {}

  /** Adds the recording handler first in {@code builder}'s execution chain. */
  public static HttpClientBuilder instrument(HttpClientBuilder builder) {
    return builder.addExecInterceptorFirst(NAME, new BacktrackApacheHttpClient());
  }

  @Override
  public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope,
      ExecChain chain) throws IOException, HttpException {
    RequestContext ctx = RequestContext.current();
    if (ctx != null) {
      for (Map.Entry<String, String> h : Backtrack.headersFor(ctx).entrySet()) {
        if (!request.containsHeader(h.getKey())) {
          request.setHeader(h.getKey(), h.getValue());
        }
      }
    }
    HttpHost target = scope.route == null ? null : scope.route.getTargetHost();
    String host = target == null ? "unknown"
        : target.getPort() >= 0 ? target.getHostName() + ":" + target.getPort()
        : target.getHostName();
    String method = request.getMethod();
    long start = System.nanoTime();
    try {
      ClassicHttpResponse response = chain.proceed(request, scope);
      Outgoing.record(ctx, host, method, response.getCode(), start, false);
      return response;
    } catch (IOException | HttpException | RuntimeException e) {
      Outgoing.record(ctx, host, method, 0, start, true);
      throw e;
    }
  }
}
