package dev.backtrack.collector.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.collector.Collector;
import dev.backtrack.collector.support.Await;
import dev.backtrack.collector.support.HttpCalls;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Predicate;

/** A collector deployed for a test, and JSON calls to its API. */
final class ApiClient implements AutoCloseable {
  final Collector collector;
  final HttpCalls http;

  private ApiClient(Collector collector, HttpCalls http) {
    this.collector = collector;
    this.http = http;
  }

  static ApiClient deploy(Vertx vertx, JsonObject config) {
    Collector collector = Await.result(Collector.deploy(vertx, config.copy().put("port", 0)));
    return new ApiClient(collector, new HttpCalls(vertx, collector.port()));
  }

  /** GETs {@code path} and expects {@code 200} with a JSON object. */
  JsonObject get(String path) {
    HttpCalls.Answer answer = http.get(path, Map.of());
    assertThat(answer.status()).as(path + " -> " + answer.body()).isEqualTo(200);
    return answer.json();
  }

  HttpCalls.Answer raw(String path) {
    return http.get(path, Map.of());
  }

  void ingest(JsonObject batch) {
    HttpCalls.Answer answer = http.ingest(batch.encode());
    assertThat(answer.status()).as("ingest: " + answer.body()).isEqualTo(200);
  }

  /** Polls {@code path} until {@code done} holds, for at most 10 s; returns the last answer. */
  JsonObject await(String path, Predicate<JsonObject> done) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    JsonObject last = get(path);
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met in time; last answer of " + path + ": "
            + last.encodePrettily());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      last = get(path);
    }
    return last;
  }

  @Override
  public void close() {
    http.close();
    Await.result(collector.close());
  }
}
