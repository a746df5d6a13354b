package dev.backtrack.bench.servlet;

import dev.backtrack.collector.Collector;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real collector on a free loopback port and a temporary database, embedded in the benchmark's
 * process, so that the SDK's reporter really encodes and sends what it records.
 */
final class BenchCollector implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final Path dir;
  private final Collector collector;

  BenchCollector() {
    try {
      dir = Files.createTempDirectory("backtrack-servlet-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    collector = Collector.deploy(vertx, new JsonObject().put("port", 0)
        .put("db", dir.resolve("bench.db").toString())).await();
  }

  String ingestEndpoint() {
    return collector.ingestEndpoint();
  }

  /** Requests the collector counted over the last hour, from {@code /api/overview}. */
  long requestsCounted() throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(collector.baseUrl() + "/api/overview?w=1h")).build(),
        HttpResponse.BodyHandlers.ofString());
    return new JsonObject(response.body()).getLong("requests", 0L);
  }

  @Override
  public void close() throws IOException {
    collector.close().await();
    vertx.close().await();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
