package dev.backtrack.boot3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/** Stands in for the collector's /ingest on loopback: decodes gzip + JSON, keeps the batches. */
final class IngestReceiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final List<JsonNode> batches = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  IngestReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.createContext("/ingest", exchange -> {
      try (exchange) {
        InputStream body = exchange.getRequestBody();
        if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
          body = new GZIPInputStream(body);
        }
        batches.add(JSON.readTree(body.readAllBytes()));
        byte[] answer = "{\"accepted\":1}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
      }
    });
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ingest");
  }

  /** Waits for a request event that matches. */
  JsonNode awaitEvent(Predicate<JsonNode> match) throws InterruptedException {
    return await("events", match);
  }

  /** Waits for an outgoing call that matches. */
  JsonNode awaitOutgoing(Predicate<JsonNode> match) throws InterruptedException {
    return await("outgoing", match);
  }

  /** The first item of a batch's {@code array} that matches, waiting up to 15 s for it. */
  private JsonNode await(String array, Predicate<JsonNode> match) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode batch : batches) {
        for (JsonNode item : batch.path(array)) {
          if (match.test(item)) {
            return item;
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("timed out waiting for a match in " + array);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
