package dev.backtrack.boot3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A real Spring Boot 3 application on embedded Tomcat 10.1 whose only contact with backtrack is
 * the servlet SDK jar on its classpath and the {@code backtrack.*} properties. It has neither
 * OkHttp nor Apache HttpClient, which the SDK supports but must not need.
 */
@SpringBootTest(classes = SpringBoot3AppIT.ShopApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1", "spring.main.banner-mode=off",
        "backtrack.service=boot3-shop", "backtrack.flush-interval-ms=100",
        "spring.datasource.url=jdbc:h2:mem:boot3-shop;DB_CLOSE_DELAY=-1"})
class SpringBoot3AppIT {
  private static final IngestReceiver RECEIVER = startReceiver();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Autowired
  ServletWebServerApplicationContext context;

  private static IngestReceiver startReceiver() {
    try {
      return new IngestReceiver();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void collectorEndpoint(DynamicPropertyRegistry registry) {
    registry.add("backtrack.endpoint", () -> RECEIVER.endpoint().toString());
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  private JsonNode eventOf(String path) throws Exception {
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    String id = response.headers().firstValue("X-Request-ID").orElseThrow();
    return RECEIVER.awaitEvent(e -> e.path("request_id").asText().equals(id));
  }

  @Test
  void runsOnBoot3AndTomcatWithoutTheOptionalClients() {
    assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
    assertThat(context.getWebServer().getClass().getSimpleName()).isEqualTo("TomcatWebServer");
    assertThat(ClassUtils.isPresent("okhttp3.OkHttpClient", null)).isFalse();
    assertThat(ClassUtils.isPresent("org.apache.hc.client5.http.classic.HttpClient", null))
        .isFalse();
  }

  @Test
  void recordsTheRouteTemplateAndTheQueries() throws Exception {
    JsonNode event = eventOf("/items/3");
    assertThat(event.path("route").asText()).isEqualTo("/items/{id}");
    assertThat(event.path("method").asText()).isEqualTo("GET");
    assertThat(event.path("db").path("count").asInt()).isEqualTo(1);
    assertThat(event.path("db").path("slowest").get(0).path("sql").asText())
        .isEqualTo("select name from items where id = ?");
    JsonNode batch = RECEIVER.batches.stream()
        .filter(b -> b.path("service").asText().equals("boot3-shop")).findFirst().orElseThrow();
    assertThat(batch.path("instance").path("sdk").asText()).startsWith("backtrack-servlet/");
  }

  @Test
  void recordsRestClientCallsAndPassesTheCorrelationOn() throws Exception {
    assertOutgoingCallRecorded("/items/2/stock", "/items/{id}/stock");
  }

  @Test
  void recordsCallsOfRestTemplatesFromTheBuilder() throws Exception {
    assertOutgoingCallRecorded("/items/2/legacy-stock", "/items/{id}/legacy-stock");
  }

  private void assertOutgoingCallRecorded(String path, String route) throws Exception {
    JsonNode caller = eventOf(path);
    assertThat(caller.path("route").asText()).isEqualTo(route);
    assertThat(caller.path("out").path("count").asInt()).isEqualTo(1);
    String callerId = caller.path("request_id").asText();

    JsonNode call = RECEIVER.awaitOutgoing(o -> o.path("request_id").asText().equals(callerId));
    assertThat(call.path("host").asText()).isEqualTo("127.0.0.1:" + port);
    assertThat(call.path("method").asText()).isEqualTo("GET");
    assertThat(call.path("status").asInt()).isEqualTo(200);
    assertThat(call.path("error").asBoolean()).isFalse();

    JsonNode callee = RECEIVER.awaitEvent(e -> e.path("parent_id").asText().equals(callerId));
    assertThat(callee.path("route").asText()).isEqualTo("/stock/{id}");
    // the caller starts the chain: its id is the chain's, sent as no correlation_id of its own
    assertThat(caller.has("correlation_id")).isFalse();
    assertThat(callee.path("correlation_id").asText()).isEqualTo(callerId);
  }

  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(ShopController.class)
  static class ShopApplication {
    @Bean
    ApplicationRunner items(JdbcTemplate jdbc) {
      return args -> {
        jdbc.execute("create table if not exists items (id int primary key, name varchar(20))");
        jdbc.execute("merge into items values (2, 'two'), (3, 'three')");
      };
    }
  }

  @RestController
  static class ShopController {
    private final JdbcTemplate jdbc;
    private final RestClient restClient;
    private final RestTemplate restTemplate;

    ShopController(JdbcTemplate jdbc, RestClient.Builder restClient,
        RestTemplateBuilder restTemplate) {
      this.jdbc = jdbc;
      this.restClient = restClient.build();
      this.restTemplate = restTemplate.build();
    }

    @GetMapping("/items/{id}")
    String item(@PathVariable("id") int id) {
      return jdbc.queryForObject("SELECT name FROM items WHERE id = ?", String.class, id);
    }

    @GetMapping("/items/{id}/stock")
    String stock(@PathVariable("id") int id) {
      return restClient.get().uri(stockUri(id)).retrieve().body(String.class);
    }

    @GetMapping("/items/{id}/legacy-stock")
    String legacyStock(@PathVariable("id") int id) {
      return restTemplate.getForObject(stockUri(id), String.class);
    }

    @GetMapping("/stock/{id}")
    String stockOf(@PathVariable("id") int id) {
      return "stock of " + id;
    }

    /** This application's own /stock route, on the address the current request came to. */
    private static URI stockUri(int id) {
      return ServletUriComponentsBuilder.fromCurrentContextPath().path("/stock/{id}")
          .buildAndExpand(id).toUri();
    }
  }
}
