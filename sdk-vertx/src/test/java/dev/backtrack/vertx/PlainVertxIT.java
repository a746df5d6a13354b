package dev.backtrack.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.sdk.report.HttpTransport;
import dev.backtrack.sdk.report.Reporter;
import dev.backtrack.sdk.report.ReporterSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.lang.ref.Reference;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The handler alone, on a Vert.x instance built without backtrack. */
class PlainVertxIT {
  @Test
  void recordsTopLevelTemplatesAndStatusesWithoutTheBuilder() throws Exception {
    try (IngestStandIn ingest = new IngestStandIn()) {
      ReporterSettings defaults = ReporterSettings.defaults("plain", BacktrackVertx.SDK);
      Reporter reporter = Reporter.start(new ReporterSettings("plain", BacktrackVertx.SDK,
          defaults.bufferSize(), 100, 1000, defaults.maxBatchEvents(),
          defaults.maxBackoffMillis(), null),
          new HttpTransport(URI.create(ingest.endpoint()), null));
      Vertx vertx = Vertx.vertx();
      try {
        Router router = Router.router(vertx);
        router.route().handler(BacktrackHandler.create(reporter));
        router.get("/orders/:id").handler(ctx -> ctx.end("order"));
        router.get("/crash").handler(ctx -> {
          throw new UnsupportedOperationException("not yet");
        });
        int port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
            .await().actualPort();
        for (String path : List.of("/orders/1", "/crash", "/elsewhere")) {
          HttpClient client = vertx.createHttpClient();
          client.request(HttpMethod.GET, port, "127.0.0.1", path)
              .compose(req -> req.send()).compose(r -> r.body()).await();
          // a client nothing refers to may be closed by the garbage collector mid-request
          Reference.reachabilityFence(client);
        }

        List<JsonObject> events = ingest.awaitEvents("plain", e -> e.size() >= 3,
            Duration.ofSeconds(10));

        assertThat(events).extracting(e -> e.getString("route") + " " + e.getInteger("status"))
            .contains("/orders/{id} 200", "<unmatched> 404");
        assertThat(events).filteredOn(e -> e.containsKey("error")).singleElement()
            .satisfies(e -> {
              // without the builder's route metrics, a failed request's route is not known
              assertThat(e.getInteger("status")).isEqualTo(500);
              assertThat(e.getJsonObject("error").getString("type"))
                  .isEqualTo("java.lang.UnsupportedOperationException");
            });
      } finally {
        vertx.close().await();
        reporter.close(Duration.ofSeconds(1));
      }
    }
  }
}
