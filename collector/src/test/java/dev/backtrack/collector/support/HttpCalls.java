package dev.backtrack.collector.support;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Real HTTP calls to a collector on loopback, answered synchronously for tests. */
public final class HttpCalls {
  private final HttpClient client;
  private final int port;

  public HttpCalls(Vertx vertx, int port) {
    // A fresh connection per call keeps one test's answer from leaking into the next.
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
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
    RequestOptions options = new RequestOptions()
        .setMethod(method)
        .setServer(SocketAddress.inetSocketAddress(port, "127.0.0.1"))
        .setHost("127.0.0.1")
        .setPort(port)
        .setURI(path);
    headers.forEach(options::putHeader);
    options.putHeader("Host", hostHeader);
    return Await.result(client.request(options)
        .compose(request -> body == null ? request.send() : request.send(body))
        .compose(response -> response.body().map(b -> answer(response, b))));
  }

  private static Answer answer(HttpClientResponse response, Buffer body) {
    return new Answer(response.statusCode(), response.headers(), body);
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
    Await.result(client.close());
  }
}
