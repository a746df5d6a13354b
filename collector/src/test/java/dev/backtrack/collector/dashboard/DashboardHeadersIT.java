package dev.backtrack.collector.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.collector.Collector;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's files, the libraries it loads, and the headers that keep it safe. */
class DashboardHeadersIT {
  @TempDir static Path dir;
  static Vertx vertx;
  static Collector collector;
  static final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    collector = Collector.deploy(vertx, new JsonObject()
        .put("port", 0).put("db", dir.resolve("backtrack.db").toString())).await();
  }

  @AfterAll
  static void stop() {
    collector.close().await();
    vertx.close().await();
  }

  @Test
  void thePageComesWithAStrictPolicyAndNoCaching() throws Exception {
    HttpResponse<String> page = get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains("<script type=\"module\" src=\"js/main.js\">");
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
        "connect-src 'self' https://api.anthropic.com https://api.openai.com",
        "frame-ancestors 'none'").doesNotContain("unsafe");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
  }

  @Test
  void ownScriptsAndStylesAreServedWithTheirTypes() throws Exception {
    assertThat(get("/js/main.js").headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    assertThat(get("/css/base.css").headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    assertThat(get("/js/no-such-file.js").statusCode()).isEqualTo(404);
  }

  @Test
  void chartAndGraphLibrariesComeFromTheirWebJars() throws Exception {
    HttpResponse<String> uplot = get("/vendor/uplot/uPlot.esm.js");
    HttpResponse<String> cytoscape = get("/vendor/cytoscape/cytoscape.esm.min.mjs");

    assertThat(uplot.statusCode()).isEqualTo(200);
    assertThat(uplot.body()).contains("export");
    assertThat(cytoscape.statusCode()).isEqualTo(200);
    // A module script must be served as JavaScript; .mjs is unknown to the default mapping.
    assertThat(cytoscape.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    assertThat(get("/vendor/uplot/uPlot.min.css").statusCode()).isEqualTo(200);
  }

  @Test
  void theApiIsLeftToItsOwnHandlers() throws Exception {
    HttpResponse<String> services = get("/api/services");

    assertThat(services.statusCode()).isEqualTo(200);
    assertThat(services.headers().firstValue("Content-Security-Policy")).isEmpty();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(collector.baseUrl() + path)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
