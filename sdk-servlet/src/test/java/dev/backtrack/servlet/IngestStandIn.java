package dev.backtrack.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/** A stand-in for the collector's /ingest on loopback: decodes gzip + JSON and keeps batches. */
public final class IngestStandIn implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  public final List<JsonNode> batches = new CopyOnWriteArrayList<>();
  public volatile CountDownLatch hang = new CountDownLatch(0);
  private final HttpServer server;

  public IngestStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/ingest", exchange -> {
      try (exchange) {
        hang.await();
        InputStream body = exchange.getRequestBody();
        if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
          body = new GZIPInputStream(body);
        }
        batches.add(JSON.readTree(body.readAllBytes()));
        byte[] answer = "{\"accepted\":1}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ingest");
  }

  /** Every request event received from {@code service}. */
  public List<JsonNode> events(String service) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode b : batches) {
      if (b.path("service").asText().equals(service)) {
        b.path("events").forEach(out::add);
      }
    }
    return out;
  }

  /** Every outgoing call received from {@code service}. */
  public List<JsonNode> outgoing(String service) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode b : batches) {
      if (b.path("service").asText().equals(service)) {
        b.path("outgoing").forEach(out::add);
      }
    }
    return out;
  }

  /** Waits until an event of {@code service} matches, and returns it. */
  public JsonNode awaitEvent(String service, Predicate<JsonNode> match)
      throws InterruptedException {
    JsonNode[] found = new JsonNode[1];
    await(() -> {
      for (JsonNode e : events(service)) {
        if (match.test(e)) {
          found[0] = e;
          return true;
        }
      }
      return false;
    }, "an event of " + service);
    return found[0];
  }

  public static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  @Override
  public void close() {
    hang.countDown();
    server.stop(0);
  }
}
