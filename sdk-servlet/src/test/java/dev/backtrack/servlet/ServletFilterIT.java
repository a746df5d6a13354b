package dev.backtrack.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backtrack.sdk.report.Reporter;
import dev.backtrack.servlet.http.BacktrackHttpClient;
import dev.backtrack.servlet.jdbc.JdbcInstrumentation;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.eclipse.jetty.server.Server;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instrumented services on real Jetty servers (shop calls inventory), a real H2 database,
 * and a stand-in collector receiving the batches over loopback HTTP.
 */
class ServletFilterIT {
  private static IngestStandIn collector;
  private static Reporter shopReporter;
  private static Reporter inventoryReporter;
  private static Server shop;
  private static Server inventory;
  private static DataSource db;
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeAll
  static void startEverything() throws Exception {
    collector = new IngestStandIn();
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:shop-it;DB_CLOSE_DELAY=-1");
    db = JdbcInstrumentation.wrap(h2);
    try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
      s.execute("create table orders (id int primary key, customer varchar(40))");
      s.execute("create table order_items (id int primary key, order_id int, item varchar(40))");
      for (int i = 1; i <= 10; i++) {
        s.execute("insert into orders values (" + i + ", 'c" + i + "')");
        s.execute("insert into order_items values (" + i + ", " + i + ", 'item" + i + "')");
      }
    }
    inventoryReporter = ServletApps.reporter("inventory", collector.endpoint(), 5000);
    inventory = ServletApps.start(inventoryReporter, Map.of("/stock/*", new Text("in stock")));
    HttpClient outgoing = BacktrackHttpClient.wrap(HttpClient.newHttpClient());
    URI stock = ServletApps.base(inventory).resolve("/stock/42");
    shopReporter = ServletApps.reporter("shop", collector.endpoint(), 5000);
    shop = ServletApps.start(shopReporter, Map.of(
        "/orders", new Orders(),
        "/users/*", new Text("a user"),
        "/fail", new Fail(),
        "/call", new Call(outgoing, stock),
        "/async", new Async(),
        "/reports/*", new NamedRoute()));
  }

  @AfterAll
  static void stopEverything() throws Exception {
    shop.stop();
    inventory.stop();
    shopReporter.close(Duration.ofSeconds(1));
    inventoryReporter.close(Duration.ofSeconds(1));
    collector.close();
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(ServletApps.base(shop).resolve(path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode shopEvent(HttpResponse<String> response) throws Exception {
    String id = response.headers().firstValue("X-Request-ID").orElseThrow();
    return collector.awaitEvent("shop", e -> e.path("request_id").asText().equals(id));
  }

  @Test
  void countsTheQueriesOfAnNPlusOneRoute() throws Exception {
    HttpResponse<String> response = get("/orders");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode event = shopEvent(response);
    assertThat(event.path("route").asText()).isEqualTo("/orders");
    assertThat(event.path("method").asText()).isEqualTo("GET");
    assertThat(event.path("db").path("count").asInt()).isEqualTo(11);
    assertThat(event.path("db").path("us").asLong()).isPositive();
    List<String> slowest = new ArrayList<>();
    event.path("db").path("slowest").forEach(s -> slowest.add(s.path("sql").asText()));
    assertThat(slowest).contains("select id, item from order_items where order_id = ?")
        .hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates();
  }

  @Test
  void reportsServletMappingsAsTemplatesAndUnknownPathsAsUnmatched() throws Exception {
    JsonNode user = shopEvent(get("/users/7"));
    assertThat(user.path("route").asText()).isEqualTo("/users/{*}");
    JsonNode users = shopEvent(get("/users")); // the mapping's prefix itself: no path info
    assertThat(users.path("route").asText()).isEqualTo("/users/{*}");
    HttpResponse<String> missing = get("/no/such/page");
    assertThat(missing.statusCode()).isEqualTo(404);
    JsonNode event = shopEvent(missing);
    assertThat(event.path("route").asText()).isEqualTo("<unmatched>");
    assertThat(event.path("status").asInt()).isEqualTo(404);
  }

  @Test
  void takesTheRouteTheApplicationNames() throws Exception {
    JsonNode named = shopEvent(get("/reports/2026-q3"));
    assertThat(named.path("route").asText()).isEqualTo("/reports/{quarter}");
  }

  @Test
  void recordsAnEscapingExceptionAs500WithAStableFingerprint() throws Exception {
    HttpResponse<String> first = get("/fail");
    HttpResponse<String> second = get("/fail");
    assertThat(first.statusCode()).isEqualTo(500);
    JsonNode a = shopEvent(first);
    JsonNode b = shopEvent(second);
    assertThat(a.path("status").asInt()).isEqualTo(500);
    assertThat(a.path("route").asText()).isEqualTo("/fail");
    assertThat(a.path("error").path("type").asText())
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(a.path("error").path("message").asText()).startsWith("stock is negative");
    assertThat(a.path("error").path("stack").asText()).contains("ServletFilterIT$Fail");
    assertThat(a.path("error").path("fingerprint").asText()).matches("[0-9a-f]{16}")
        .isEqualTo(b.path("error").path("fingerprint").asText());
  }

  @Test
  void followsTheCorrelationIdAcrossTwoServices() throws Exception {
    HttpResponse<String> response = get("/call", "X-Correlation-ID", "checkout-77");
    assertThat(response.body()).isEqualTo("in stock");
    JsonNode caller = shopEvent(response);
    assertThat(caller.path("correlation_id").asText()).isEqualTo("checkout-77");
    assertThat(caller.path("out").path("count").asInt()).isEqualTo(1);
    String callerId = caller.path("request_id").asText();

    JsonNode callee = collector.awaitEvent("inventory",
        e -> e.path("parent_id").asText().equals(callerId));
    assertThat(callee.path("correlation_id").asText()).isEqualTo("checkout-77");
    assertThat(callee.path("route").asText()).isEqualTo("/stock/{*}");

    String inventoryHost = "127.0.0.1:" + ServletApps.base(inventory).getPort();
    IngestStandIn.await(() -> collector.outgoing("shop").stream().anyMatch(
        o -> o.path("request_id").asText().equals(callerId)), "the outgoing call");
    JsonNode call = collector.outgoing("shop").stream()
        .filter(o -> o.path("request_id").asText().equals(callerId)).findFirst().orElseThrow();
    assertThat(call.path("host").asText()).isEqualTo(inventoryHost);
    assertThat(call.path("route").asText()).isEqualTo("/call");
    assertThat(call.path("status").asInt()).isEqualTo(200);
    assertThat(call.path("error").asBoolean()).isFalse();
  }

  @Test
  void finishesAsyncRequestsWhenTheyComplete() throws Exception {
    HttpResponse<String> response = get("/async");
    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode event = shopEvent(response);
    assertThat(event.path("route").asText()).isEqualTo("/async");
    assertThat(event.path("status").asInt()).isEqualTo(202);
    assertThat(event.path("db").path("count").asInt()).isEqualTo(1);
  }

  @Test
  void keepsTheIncomingRequestId() throws Exception {
    HttpResponse<String> response = get("/users/1", "X-Request-ID", "given-id-1");
    assertThat(response.headers().firstValue("X-Request-ID")).hasValue("given-id-1");
    assertThat(shopEvent(response).path("request_id").asText()).isEqualTo("given-id-1");
  }

  @Test
  void recordsARequestOnceWhenTheFilterIsRegisteredTwice() throws Exception {
    Reporter reporter = ServletApps.reporter("twice", collector.endpoint(), 5000);
    Server twice = ServletApps.start(reporter, Map.of("/users/*", new Text("a user")), 2);
    try {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
            ServletApps.base(twice).resolve("/users/" + i)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().allValues("X-Request-ID")).hasSize(1);
        ids.add(response.headers().firstValue("X-Request-ID").orElseThrow());
      }
      for (String id : ids) {
        collector.awaitEvent("twice", e -> e.path("request_id").asText().equals(id));
      }
      assertThat(reporter.flush(Duration.ofSeconds(5))).isTrue();
      assertThat(collector.events("twice")).hasSize(3)
          .allMatch(e -> e.path("route").asText().equals("/users/{*}"));
    } finally {
      twice.stop();
      reporter.close(Duration.ofSeconds(1));
    }
  }

  /** The N+1 pattern: one query for the list, one per row. */
  static final class Orders extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      try (Connection c = db.getConnection()) {
        List<Integer> ids = new ArrayList<>();
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT id FROM orders ORDER BY id")) {
          while (rs.next()) {
            ids.add(rs.getInt(1));
          }
        }
        StringBuilder out = new StringBuilder();
        for (int id : ids) {
          try (PreparedStatement p =
              c.prepareStatement("SELECT id, item FROM order_items WHERE order_id = ?")) {
            p.setInt(1, id);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.append(rs.getString(2)).append('\n');
              }
            }
          }
        }
        resp.getWriter().write(out.toString());
      } catch (SQLException e) {
        throw new IOException(e);
      }
    }
  }

  static final class Text extends HttpServlet {
    private final String body;

    Text(String body) {
      this.body = body;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.getWriter().write(body);
    }
  }

  /** Dispatches by itself, so only it knows the route. */
  static final class NamedRoute extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      dev.backtrack.sdk.Backtrack.route("/reports/{quarter}");
      resp.getWriter().write("report " + req.getPathInfo());
    }
  }

  static final class Fail extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
      throw new IllegalStateException("stock is negative for order " + System.nanoTime());
    }
  }

  static final class Call extends HttpServlet {
    private final HttpClient client;
    private final URI target;

    Call(HttpClient client, URI target) {
      this.client = client;
      this.target = target;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      try {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(target).build(),
            HttpResponse.BodyHandlers.ofString());
        resp.getWriter().write(answer.body());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
  }

  /** Completes on another thread, after a query made on that thread. */
  static final class Async extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
      dev.backtrack.sdk.trace.RequestContext ctx = dev.backtrack.sdk.trace.RequestContext.current();
      AsyncContext async = req.startAsync();
      CompletableFuture.runAsync(() -> {
        dev.backtrack.sdk.trace.ContextStorage.attach(ctx);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
          s.executeQuery("select count(*) from orders").close();
          ((HttpServletResponse) async.getResponse()).setStatus(202);
        } catch (SQLException e) {
          ((HttpServletResponse) async.getResponse()).setStatus(500);
        } finally {
          dev.backtrack.sdk.trace.ContextStorage.detach(ctx);
          async.complete();
        }
      });
    }
  }
}
