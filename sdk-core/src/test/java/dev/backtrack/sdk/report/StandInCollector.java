package dev.backtrack.sdk.report;

import com.sun.net.httpserver.HttpServer;
import dev.backtrack.sdk.json.TinyJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;
import java.util.zip.GZIPInputStream;

/** A real HTTP server on loopback that decodes batches like the collector does. */
final class StandInCollector implements AutoCloseable {
  record Received(String contentEncoding, Map<String, Object> batch) {}

  final List<Received> received = new CopyOnWriteArrayList<>();
  volatile IntSupplier answer = () -> 200;
  volatile CountDownLatch hang = new CountDownLatch(0);
  private HttpServer server;
  private int port;

  StandInCollector() throws IOException {
    start(0);
  }

  private void start(int wantedPort) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", wantedPort), 50);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/ingest", exchange -> {
      try (exchange) {
        hang.await();
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        InputStream body = exchange.getRequestBody();
        if ("gzip".equals(encoding)) {
          body = new GZIPInputStream(body);
        }
        String json = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(encoding, TinyJson.object(json)));
        byte[] answerBody = "{\"accepted\":1}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.getAsInt(), answerBody.length);
        exchange.getResponseBody().write(answerBody);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.start();
    port = server.getAddress().getPort();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port + "/ingest");
  }

  void stop() {
    server.stop(0);
  }

  /** Starts again on the same port, as a restarted collector would. */
  void restart() throws IOException {
    start(port);
  }

  @SuppressWarnings("unchecked")
  long eventCount() {
    return received.stream()
        .mapToLong(r -> ((List<Object>) r.batch().get("events")).size()).sum();
  }

  @Override
  public void close() {
    hang.countDown();
    server.stop(0);
  }
}
