package dev.backtrack.sdk.report;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Posts gzip-compressed batches to the collector's {@code /ingest} over
 * {@code java.net.http.HttpClient}, on daemon threads so it never keeps the host JVM alive.
 */
public final class HttpTransport implements Transport {
  /** Default time allowed to connect: 2 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  /** Default time allowed for one whole request: 5 seconds (a hanging collector). */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final URI endpoint;
  private final String authorization;
  private final Duration requestTimeout;
  private final ExecutorService executor;
  private final HttpClient client;
  private final Gzip gzip = new Gzip();

  /** A transport with the default timeouts. */
  public HttpTransport(URI endpoint, String token) {
    this(endpoint, token, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }

  /**
   * @param endpoint the collector's ingest URL, {@code http} or {@code https}
   * @param token the bearer token, or null
   * @param connectTimeout time allowed to connect
   * @param requestTimeout time allowed for a whole request
   */
  public HttpTransport(URI endpoint, String token, Duration connectTimeout,
      Duration requestTimeout) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    String scheme = endpoint.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException("endpoint must be an http(s) URL: " + endpoint);
    }
    this.authorization = token == null || token.isBlank() ? null : "Bearer " + token.trim();
    this.requestTimeout = requestTimeout;
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "backtrack-http");
      t.setDaemon(true);
      return t;
    });
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .executor(executor)
        .build();
  }

  /**
   * Sends one batch, gzip-compressed. One batch at a time: the compressed bytes are kept in a
   * buffer reused for the next batch, which {@code send} does not return before it is sent.
   */
  @Override
  public int send(byte[] json) throws IOException, InterruptedException {
    return send(json, json.length);
  }

  @Override
  public synchronized int send(byte[] buffer, int length)
      throws IOException, InterruptedException {
    gzip.compress(buffer, length);
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .timeout(requestTimeout)
        .header("Content-Type", "application/json")
        .header("Content-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofByteArray(gzip.bytes(), 0, gzip.size()));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Override
  public void close() {
    executor.shutdownNow(); // the deflater's native memory goes with the transport
  }
}
