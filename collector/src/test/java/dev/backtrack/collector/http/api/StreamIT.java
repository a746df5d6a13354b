package dev.backtrack.collector.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.collector.support.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class StreamIT {
  @Test
  void sendsASnapshotAtOnceAndANewOneAfterAnIngest(Vertx vertx, @TempDir Path dir)
      throws InterruptedException {
    JsonObject config = new JsonObject().put("db", dir.resolve("bt.db").toString());
    try (ApiClient api = ApiClient.deploy(vertx, config)) {
      HttpClient client = vertx.createHttpClient();
      List<JsonObject> snapshots = new CopyOnWriteArrayList<>();
      StringBuilder pending = new StringBuilder();
      HttpClientResponse response = Await.result(client.request(new RequestOptions()
              .setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(api.collector.port())
              .setURI("/api/stream?service=shop&w=1m"))
          .compose(request -> request.send()));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("Content-Type")).startsWith("text/event-stream");
      response.handler(chunk -> {
        synchronized (pending) {
          pending.append(chunk.toString());
          int end;
          while ((end = pending.indexOf("\n\n")) >= 0) {
            String event = pending.substring(0, end);
            pending.delete(0, end + 2);
            if (event.startsWith("event: snapshot\ndata: ")) {
              snapshots.add(new JsonObject(event.substring("event: snapshot\ndata: ".length())));
            }
          }
        }
      });

      awaitSize(snapshots, 1);
      JsonObject first = snapshots.get(0);
      assertThat(first.getString("service")).isEqualTo("shop");
      assertThat(first.getInteger("window_s")).isEqualTo(60);
      assertThat(first.getJsonObject("overview").getLong("requests")).isZero();
      assertThat(first.getJsonObject("timeseries").getJsonArray("points")).hasSize(60);
      assertThat(first.getJsonObject("graph").containsKey("edges")).isTrue();

      api.ingest(ShopTraffic.batch(System.currentTimeMillis()));
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (snapshots.stream().noneMatch(s -> s.getJsonObject("overview")
          .getLong("requests") == 5)) {
        assertThat(System.nanoTime()).as("a snapshot with the new batch").isLessThan(deadline);
        Thread.sleep(20);
      }
      JsonObject latest = snapshots.get(snapshots.size() - 1);
      assertThat(latest.getJsonArray("routes")).hasSize(3);
      assertThat(latest.getJsonArray("errors")).hasSize(1);
      assertThat(latest.getJsonArray("outgoing")).hasSize(2);
      Await.result(client.close());
    }
  }

  private static void awaitSize(List<?> list, int size) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (list.size() < size) {
      assertThat(System.nanoTime()).as("snapshot count " + size).isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
