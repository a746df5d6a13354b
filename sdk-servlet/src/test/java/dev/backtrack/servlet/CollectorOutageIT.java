package dev.backtrack.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.sdk.report.Reporter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/** The application keeps serving while the collector hangs; data flows again afterwards. */
class CollectorOutageIT {

  @Test
  void hangingCollectorDoesNotSlowRequestsAndDropsAreCounted() throws Exception {
    try (IngestStandIn collector = new IngestStandIn()) {
      collector.hang = new CountDownLatch(1);
      Reporter reporter = ServletApps.reporter("outage", collector.endpoint(), 20);
      Server app = ServletApps.start(reporter, Map.of("/ping", new HttpServlet() {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp)
            throws IOException {
          resp.getWriter().write("pong");
        }
      }));
      try {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ping = HttpRequest.newBuilder(ServletApps.base(app).resolve("/ping"))
            .timeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 200; i++) {
          HttpResponse<String> r = client.send(ping, HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(r.body()).isEqualTo("pong");
        }
        assertThat(reporter.dropped()).as("buffer of 20 overflowed").isGreaterThan(0);

        collector.hang.countDown();
        client.send(ping, HttpResponse.BodyHandlers.ofString());
        IngestStandIn.await(() -> collector.events("outage").size() >= 2, "events after the hang");
        IngestStandIn.await(() -> collector.batches.stream()
            .anyMatch(b -> b.path("heartbeat").path("dropped").asLong() > 0),
            "a heartbeat counting the drops");
      } finally {
        app.stop();
        reporter.close(Duration.ofSeconds(1));
      }
    }
  }
}
