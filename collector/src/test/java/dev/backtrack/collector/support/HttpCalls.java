package dev.backtrack.collector.support;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Real HTTP/1.1 calls to a collector on loopback, answered synchronously for tests. The JDK's
 * client runs on its own threads, so a test thread waits on nothing but the server.
 */
public final class HttpCalls {
  static {
    // Tests of the Host guard send Host headers of their own choosing.
    System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
  }

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(PATIENCE)
      .build();
  private final int port;

  public HttpCalls(Vertx vertx, int port) {
    this.port = port;
  }

  /** A status, headers and body. */
  public record Answer(int status, MultiMap headers, Buffer body) {
    public JsonObject json() {
      return new JsonObject(body);
    }
  }

  public Answer ingest(String json) {
    return post("/ingest", Buffer.buffer(json), Map.of("Content-Type", "application/json"));
  }

  public Answer ingestGzip(byte[] gzip) {
    return post("/ingest", Buffer.buffer(gzip),
        Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"));
  }

  public Answer post(String path, Buffer body, Map<String, String> headers) {
    return send(HttpMethod.POST, path, "127.0.0.1:" + port, body, headers);
  }

  public Answer get(String path, Map<String, String> headers) {
    return send(HttpMethod.GET, path, "127.0.0.1:" + port, null, headers);
  }

  /** A request with a chosen {@code Host} header (the connection still goes to loopback). */
  public Answer send(HttpMethod method, String path, String hostHeader, Buffer body,
      Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + escapeForUri(path)))
        .timeout(PATIENCE)
        .method(method.name(), body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body.getBytes()));
    headers.forEach(request::header);
    request.header("Host", hostHeader);
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      MultiMap answerHeaders = MultiMap.caseInsensitiveMultiMap();
      response.headers().map().forEach(answerHeaders::add);
      return new Answer(response.statusCode(), answerHeaders, Buffer.buffer(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Percent-encodes what a URI may not hold raw ({@code {id}}, spaces, markup, non-ASCII), and
   * leaves what tests write on purpose (reserved characters and existing escapes) alone.
   */
  static String escapeForUri(String pathAndQuery) {
    StringBuilder out = new StringBuilder(pathAndQuery.length());
    for (byte b : pathAndQuery.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c > 0x20 && c < 0x7F && "{}|\\^`<>\"".indexOf(c) < 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }

  public static byte[] gzip(String text) {
    return gzip(text.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  public void close() {
    // The JDK client holds no resources a test must release.
  }
}
