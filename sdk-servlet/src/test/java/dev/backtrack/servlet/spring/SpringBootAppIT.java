package dev.backtrack.servlet.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backtrack.sdk.Backtrack;
import dev.backtrack.servlet.IngestStandIn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

/**
 * A real Spring Boot web application that only has the jar on its classpath and one property
 * pointing at the stand-in collector.
 */
class SpringBootAppIT {
  private static IngestStandIn collector;
  private static ConfigurableApplicationContext app;
  private static URI base;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    collector = new IngestStandIn();
    app = new SpringApplicationBuilder(ShopApplication.class).properties(
        "server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
        "spring.application.name=boot-shop",
        "backtrack.endpoint=" + collector.endpoint(),
        "backtrack.flush-interval-ms=100").run();
    base = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
  }

  @AfterAll
  static void stop() {
    app.close();
    collector.close();
  }

  private static JsonNode eventOf(String path) throws Exception {
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(base.resolve(path))
        .build(), HttpResponse.BodyHandlers.ofString());
    String id = response.headers().firstValue("X-Request-ID").orElseThrow();
    return collector.awaitEvent("boot-shop", e -> e.path("request_id").asText().equals(id));
  }

  @Test
  void recordsRouteTemplatesQueriesAndTheServiceName() throws Exception {
    JsonNode event = eventOf("/items/3");
    assertThat(Backtrack.isStarted()).isTrue();
    assertThat(event.path("route").asText()).isEqualTo("/items/{id}");
    assertThat(event.path("status").asInt()).isEqualTo(200);
    assertThat(event.path("db").path("count").asInt()).isEqualTo(1);
    assertThat(event.path("db").path("slowest").get(0).path("sql").asText())
        .isEqualTo("select name from items where id = ?");
    JsonNode batch = collector.batches.stream()
        .filter(b -> b.path("service").asText().equals("boot-shop")).findFirst().orElseThrow();
    assertThat(batch.path("instance").path("sdk").asText()).startsWith("backtrack-servlet/");
  }

  @Test
  void recordsRestTemplateCallsAndPassesTheCorrelationOn() throws Exception {
    JsonNode caller = eventOf("/items/2/stock");
    assertThat(caller.path("route").asText()).isEqualTo("/items/{id}/stock");
    assertThat(caller.path("out").path("count").asInt()).isEqualTo(1);
    String callerId = caller.path("request_id").asText();
    JsonNode callee = collector.awaitEvent("boot-shop",
        e -> e.path("parent_id").asText().equals(callerId));
    assertThat(callee.path("route").asText()).isEqualTo("/stock/{id}");
    // the caller starts the chain: its id is the chain's, sent as no correlation_id of its own
    assertThat(caller.has("correlation_id")).isFalse();
    assertThat(callee.path("correlation_id").asText()).isEqualTo(callerId);
    IngestStandIn.await(() -> collector.outgoing("boot-shop").stream()
        .anyMatch(o -> o.path("request_id").asText().equals(callerId)), "the outgoing call");
    JsonNode call = collector.outgoing("boot-shop").stream()
        .filter(o -> o.path("request_id").asText().equals(callerId)).findFirst().orElseThrow();
    assertThat(call.path("host").asText()).isEqualTo("127.0.0.1:" + base.getPort());
  }

  @Test
  void recordsCallsOfOkHttpClientBeans() throws Exception {
    JsonNode caller = eventOf("/items/4/okhttp");
    assertThat(caller.path("route").asText()).isEqualTo("/items/{id}/okhttp");
    assertThat(caller.path("out").path("count").asInt()).isEqualTo(1);
    String callerId = caller.path("request_id").asText();
    JsonNode callee = collector.awaitEvent("boot-shop",
        e -> e.path("parent_id").asText().equals(callerId));
    assertThat(callee.path("route").asText()).isEqualTo("/stock/{id}");
    IngestStandIn.await(() -> collector.outgoing("boot-shop").stream()
        .anyMatch(o -> o.path("request_id").asText().equals(callerId)), "the outgoing call");
    JsonNode call = collector.outgoing("boot-shop").stream()
        .filter(o -> o.path("request_id").asText().equals(callerId)).findFirst().orElseThrow();
    assertThat(call.path("host").asText()).isEqualTo("127.0.0.1:" + base.getPort());
    assertThat(call.path("status").asInt()).isEqualTo(200);
  }

  @Test
  void recordsExceptionsOfControllers() throws Exception {
    JsonNode event = eventOf("/boom");
    assertThat(event.path("status").asInt()).isEqualTo(500);
    assertThat(event.path("route").asText()).isEqualTo("/boom");
    assertThat(event.path("error").path("type").asText())
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(event.path("error").path("fingerprint").asText()).hasSize(16);
  }

  @Test
  void reportsUnknownPathsAsUnmatched() throws Exception {
    JsonNode event = eventOf("/nothing/here/" + System.nanoTime());
    assertThat(event.path("status").asInt()).isEqualTo(404);
    assertThat(event.path("route").asText()).isEqualTo("<unmatched>");
  }

  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(ShopController.class)
  static class ShopApplication {
    @Bean
    DataSource dataSource() throws SQLException {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:boot-it;DB_CLOSE_DELAY=-1");
      try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
        s.execute("create table if not exists items (id int primary key, name varchar(20))");
        s.execute("merge into items values (2, 'two'), (3, 'three')");
      }
      return h2;
    }

    @Bean
    RestTemplate restTemplate() {
      return new RestTemplate();
    }

    @Bean
    OkHttpClient okHttpClient() {
      return new OkHttpClient();
    }
  }

  @RestController
  static class ShopController {
    private final DataSource db;
    private final RestTemplate rest;
    private final OkHttpClient okHttp;

    ShopController(DataSource db, RestTemplate rest, OkHttpClient okHttp) {
      this.db = db;
      this.rest = rest;
      this.okHttp = okHttp;
    }

    @GetMapping("/items/{id}")
    String item(@PathVariable("id") int id) throws SQLException {
      try (Connection c = db.getConnection();
          PreparedStatement p = c.prepareStatement("SELECT name FROM items WHERE id = ?")) {
        p.setInt(1, id);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? rs.getString(1) : "none";
        }
      }
    }

    @GetMapping("/items/{id}/stock")
    String stock(@PathVariable("id") int id) {
      return rest.getForObject(base.resolve("/stock/" + id), String.class);
    }

    @GetMapping("/items/{id}/okhttp")
    String stockByOkHttp(@PathVariable("id") int id) throws IOException {
      Request request = new Request.Builder().url(base.resolve("/stock/" + id).toString()).build();
      try (Response response = okHttp.newCall(request).execute()) {
        return response.body().string();
      }
    }

    @GetMapping("/stock/{id}")
    String stockOf(@PathVariable("id") int id) {
      return "stock of " + id;
    }

    @GetMapping("/boom")
    String boom() {
      throw new IllegalStateException("boom");
    }
  }
}
