package dev.backtrack.bench.query;

import dev.backtrack.collector.Collector;
import dev.backtrack.collector.bus.Addresses;
import dev.backtrack.collector.query.QueryClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Times every dashboard endpoint of a collector filled with a known amount of traffic, and the
 * cost of building one SSE snapshot. Prints p50 and p99 per endpoint, in milliseconds.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.backtrack.bench.query.QueryBench [events] [calls]
 * </pre>
 *
 * {@code events} defaults to 1,000,000 (spread over the last hour), {@code calls} to 200.
 */
public final class QueryBench {
  private static final List<String> ENDPOINTS = List.of(
      "/api/services", "/api/overview", "/api/timeseries", "/api/routes", "/api/sql",
      "/api/errors", "/api/errors/fp1", "/api/outgoing", "/api/graph", "/api/route_chains",
      "/api/snapshot", "/api/tree");

  private QueryBench() {}

  public static void main(String[] args) throws Exception {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int times = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Path dir = Files.createTempDirectory("backtrack-query-bench");
    Vertx vertx = Vertx.vertx();
    try {
      Collector collector = QueryFill.await(Collector.deploy(vertx, new JsonObject()
          .put("port", 0).put("db", dir.resolve("bench.db").toString())
          .put("retention_s", 7200)));
      io.vertx.core.http.HttpClient client = vertx.createHttpClient();
      double rate = QueryFill.fill(client, collector.port(), events, System.currentTimeMillis());
      System.out.printf(Locale.ROOT, "filled %,d events at %,.0f events/s%n", events, rate);
      QueryFill.await(client.close());
      // Timed calls go through the JDK client: one blocking call at a time from this thread.
      HttpClient calls = HttpClient.newHttpClient();
      awaitAggregated(calls, collector.port(), events);
      // What the collector holds for the hour: the load client is closed, so after a full
      // collection the heap is the collector's windows, caches and buffers.
      System.gc();
      System.out.printf(Locale.ROOT, "heap in use after a full GC %.1f MB%n",
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
      QueryClient query = new QueryClient(vertx, new Addresses(collector.options().busPrefix()));
      System.out.printf(Locale.ROOT, "%-44s %9s %9s%n", "endpoint", "p50 ms", "p99 ms");
      for (String w : new String[] {"5m", "1h"}) {
        for (String service : new String[] {"svc-0", ""}) {
          for (String endpoint : ENDPOINTS) {
            String uri = endpoint + "?w=" + w + "&service=" + service;
            time(uri, times, () -> get(calls, collector.port(), uri));
          }
          JsonObject params = new JsonObject().put("w", w.equals("5m") ? 300 : 3600);
          if (!service.isEmpty()) {
            params.put("service", service);
          }
          time("SSE snapshot (build) w=" + w + " service=" + service, times,
              () -> QueryFill.await(query.ask("stream", params)));
        }
      }
      QueryFill.await(collector.close());
    } finally {
      QueryFill.await(vertx.close());
      try (var files = Files.walk(dir)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Waits until the query stage has counted every event of the hour. */
  private static void awaitAggregated(HttpClient client, int port, long events)
      throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      long requests = new JsonObject(get(client, port, "/api/overview?w=1h"))
          .getLong("requests");
      if (requests >= events) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the query stage did not count every event in time");
  }

  private static void time(String name, int calls, Supplier<String> call) {
    for (int i = 0; i < Math.min(20, calls); i++) {
      call.get();
    }
    long[] nanos = new long[calls];
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      call.get();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "%-44s %9.2f %9.2f%n", name,
        nanos[calls / 2] / 1e6, nanos[(int) Math.ceil(calls * 0.99) - 1] / 1e6);
  }

  private static String get(HttpClient client, int port, String uri) {
    try {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + uri))
              .timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(uri + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
