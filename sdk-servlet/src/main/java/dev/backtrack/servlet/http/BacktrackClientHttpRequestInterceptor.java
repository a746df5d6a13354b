package dev.backtrack.servlet.http;

import dev.backtrack.sdk.Backtrack;
import dev.backtrack.sdk.trace.RequestContext;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Records the calls of Spring's {@code RestTemplate} and {@code RestClient} and adds the trace
 * headers to them. The Spring Boot auto-configuration installs it; by hand:
 * {@code RestClient.builder().requestInterceptor(new BacktrackClientHttpRequestInterceptor())}.
 */
public final class BacktrackClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

  @Override
  public ClientHttpResponse intercept(HttpRequest request, byte[] body,
      ClientHttpRequestExecution execution) throws IOException {
    RequestContext ctx = RequestContext.current();
    if (ctx != null) {
      HttpHeaders headers = request.getHeaders();
      for (Map.Entry<String, String> h : Backtrack.headersFor(ctx).entrySet()) {
        if (headers.getFirst(h.getKey()) == null) { // getFirst: on Spring 6 and 7 alike
          headers.set(h.getKey(), h.getValue());
        }
      }
    }
    String host = Outgoing.host(request.getURI());
    String method = request.getMethod().name();
    long start = System.nanoTime();
    try {
      ClientHttpResponse response = execution.execute(request, body);
      Outgoing.record(ctx, host, method, response.getStatusCode().value(), start, false);
      return response;
    } catch (IOException | RuntimeException e) {
      Outgoing.record(ctx, host, method, 0, start, true);
      throw e;
    }
  }
}
