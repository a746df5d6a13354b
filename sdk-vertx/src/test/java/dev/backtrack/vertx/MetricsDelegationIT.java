package dev.backtrack.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.sdk.BacktrackOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import io.vertx.ext.web.Router;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The application's own metrics keep working next to the route metrics of backtrack. */
class MetricsDelegationIT {
  /** A small real metrics implementation that remembers what it was told. */
  static final class RecordingMetrics implements VertxMetrics {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(HttpServerOptions options,
        SocketAddress localAddress) {
      return new HttpServerMetrics<String, Void, Void>() {
        @Override
        public String requestBegin(Void socket, HttpRequest request) {
          return request.uri();
        }

        @Override
        public void requestRouted(String uri, String route) {
          seen.add("routed " + uri + " " + route);
        }

        @Override
        public void responseEnd(String uri, HttpResponse response, long bytesWritten) {
          seen.add("end " + uri + " " + response.statusCode());
        }
      };
    }
  }

  @Test
  void forwardsEveryServerMetricAndStillReportsTemplates() throws Exception {
    RecordingMetrics recording = new RecordingMetrics();
    VertxMetricsFactory factory = options -> recording;
    try (IngestStandIn ingest = new IngestStandIn()) {
      Vertx vertx = BacktrackVertx.builder()
          .options(BacktrackOptions.defaults().service("metered").endpoint(ingest.endpoint())
              .flushIntervalMillis(100))
          .metrics(factory)
          .build();
      try {
        Router api = Router.router(vertx);
        api.get("/things/:id").handler(ctx -> ctx.end("thing"));
        Router root = Router.router(vertx);
        root.route().handler(BacktrackHandler.create());
        root.route("/v1/*").subRouter(api);
        int port = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1")
            .await().actualPort();
        HttpClient client = vertx.createHttpClient();
        client.request(HttpMethod.GET, port, "127.0.0.1", "/v1/things/9")
            .compose(req -> req.send()).compose(r -> r.body()).await();
        // a client nothing refers to may be closed by the garbage collector mid-request
        Reference.reachabilityFence(client);

        List<JsonObject> events = ingest.awaitEvents("metered", e -> !e.isEmpty(),
            Duration.ofSeconds(10));

        assertThat(events.get(0).getString("route")).isEqualTo("/v1/things/{id}");
        assertThat(recording.seen).contains("routed /v1/things/9 /things/:id",
            "end /v1/things/9 200");
      } finally {
        vertx.close().await();
      }
    }
  }
}
