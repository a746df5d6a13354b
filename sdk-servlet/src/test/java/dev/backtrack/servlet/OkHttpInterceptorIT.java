package dev.backtrack.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.backtrack.sdk.report.Reporter;
import dev.backtrack.servlet.http.BacktrackOkHttpInterceptor;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real OkHttp client called from requests served by a real Jetty application, against a real
 * downstream server on loopback (and a port nobody listens on), with a stand-in collector.
 */
class OkHttpInterceptorIT {
  private static final String SERVICE = "okshop";
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();
  /** The headers of every request the downstream server got. */
  private static final List<Headers> RECEIVED = new CopyOnWriteArrayList<>();
  /** Calls started, as the application's own event listener saw them. */
  private static final AtomicInteger CALLS_STARTED = new AtomicInteger();

  private static IngestStandIn collector;
  private static Reporter reporter;
  private static HttpServer downstream;
  private static Server shop;
  private static OkHttpClient okHttp;
  private static int refusedPort;

  @BeforeAll
  static void startEverything() throws Exception {
    collector = new IngestStandIn();
    downstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    downstream.createContext("/ok", exchange -> answer(exchange, 200, "fine"));
    downstream.createContext("/unavailable", exchange -> answer(exchange, 503, "later"));
    downstream.start();
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      refusedPort = free.getLocalPort(); // closed again at once: connecting is refused
    }
    OkHttpClient plain = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(2))
        .eventListener(new EventListener() {
          @Override
          public void callStart(Call call) {
            CALLS_STARTED.incrementAndGet();
          }
        })
        .build();
    okHttp = BacktrackOkHttpInterceptor.instrument(plain);
    String target = "http://127.0.0.1:" + downstream.getAddress().getPort();
    reporter = ServletApps.reporter(SERVICE, collector.endpoint(), 5000);
    shop = ServletApps.start(reporter, Map.of(
        "/ok", new Execute(target + "/ok"),
        "/unavailable", new Execute(target + "/unavailable"),
        "/refused", new Execute("http://127.0.0.1:" + refusedPort + "/nothing"),
        "/enqueued", new Enqueue(target + "/ok")));
  }

  @AfterAll
  static void stopEverything() throws Exception {
    shop.stop();
    reporter.close(Duration.ofSeconds(1));
    downstream.stop(0);
    collector.close();
    okHttp.dispatcher().executorService().shutdown();
  }

  private static void answer(HttpExchange exchange, int status,
      String body) throws IOException {
    try (exchange) {
      RECEIVED.add(exchange.getRequestHeaders());
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(ServletApps.base(shop).resolve(path))
        .header("X-Correlation-ID", "okhttp-77").build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode eventOf(HttpResponse<String> response) throws Exception {
    String id = response.headers().firstValue("X-Request-ID").orElseThrow();
    return collector.awaitEvent(SERVICE, e -> e.path("request_id").asText().equals(id));
  }

  private static JsonNode outgoingOf(String requestId) throws Exception {
    IngestStandIn.await(() -> collector.outgoing(SERVICE).stream()
        .anyMatch(o -> o.path("request_id").asText().equals(requestId)), "the outgoing call");
    return collector.outgoing(SERVICE).stream()
        .filter(o -> o.path("request_id").asText().equals(requestId)).findFirst().orElseThrow();
  }

  private static Headers receivedFrom(String requestId) {
    return RECEIVED.stream()
        .filter(h -> requestId.equals(h.getFirst("X-Parent-Request-ID")))
        .findFirst().orElseThrow(() -> new AssertionError("no call carried " + requestId));
  }

  @Test
  void recordsTheCallAndPassesTheTraceHeadersOn() throws Exception {
    int startedBefore = CALLS_STARTED.get();
    HttpResponse<String> response = get("/ok");
    assertThat(response.body()).isEqualTo("fine");
    JsonNode event = eventOf(response);
    String requestId = event.path("request_id").asText();
    assertThat(event.path("out").path("count").asInt()).isEqualTo(1);
    assertThat(event.path("out").has("us")).isTrue();

    JsonNode call = outgoingOf(requestId);
    assertThat(call.path("host").asText())
        .isEqualTo("127.0.0.1:" + downstream.getAddress().getPort());
    assertThat(call.path("method").asText()).isEqualTo("GET");
    assertThat(call.path("status").asInt()).isEqualTo(200);
    assertThat(call.path("error").asBoolean()).isFalse();
    assertThat(call.path("route").asText()).isEqualTo("/ok");

    Headers sent = receivedFrom(requestId);
    assertThat(sent.getFirst("X-Correlation-ID")).isEqualTo("okhttp-77");
    assertThat(sent.getFirst("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    assertThat(CALLS_STARTED.get()).as("the application's own listener still hears the call")
        .isGreaterThan(startedBefore);
  }

  @Test
  void recordsARefusedConnectionAsAnErrorAndStillThrowsIt() throws Exception {
    HttpResponse<String> response = get("/refused");
    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.body()).isEqualTo("caught java.net.ConnectException");
    JsonNode event = eventOf(response);
    assertThat(event.path("out").path("count").asInt()).isEqualTo(1);

    JsonNode call = outgoingOf(event.path("request_id").asText());
    assertThat(call.path("host").asText()).isEqualTo("127.0.0.1:" + refusedPort);
    assertThat(call.path("status").asInt()).isZero();
    assertThat(call.path("error").asBoolean()).isTrue();
  }

  @Test
  void recordsA5xxAnswerAsAnError() throws Exception {
    HttpResponse<String> response = get("/unavailable");
    assertThat(response.body()).isEqualTo("503");
    JsonNode call = outgoingOf(eventOf(response).path("request_id").asText());
    assertThat(call.path("status").asInt()).isEqualTo(503);
    assertThat(call.path("error").asBoolean()).isTrue();
  }

  @Test
  void followsAnEnqueuedCallToTheRequestThatMadeIt() throws Exception {
    HttpResponse<String> response = get("/enqueued");
    assertThat(response.body()).isEqualTo("fine");
    JsonNode event = eventOf(response);
    String requestId = event.path("request_id").asText();
    assertThat(event.path("out").path("count").asInt()).isEqualTo(1);
    assertThat(outgoingOf(requestId).path("status").asInt()).isEqualTo(200);
    assertThat(receivedFrom(requestId).getFirst("X-Correlation-ID")).isEqualTo("okhttp-77");
  }

  @Test
  void instrumentsOnce() {
    assertThat(BacktrackOkHttpInterceptor.instrument(okHttp)).isSameAs(okHttp);
    assertThat(okHttp.interceptors())
        .filteredOn(i -> i instanceof BacktrackOkHttpInterceptor).hasSize(1);
  }

  /** Makes a synchronous call and answers with its body, its status, or what it threw. */
  static final class Execute extends HttpServlet {
    private final String url;

    Execute(String url) {
      this.url = url;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      Request call = new Request.Builder().url(url).build();
      try (Response answer = okHttp.newCall(call).execute()) {
        resp.getWriter().write(answer.isSuccessful() ? answer.body().string()
            : String.valueOf(answer.code()));
      } catch (IOException e) {
        resp.setStatus(502);
        resp.getWriter().write("caught " + e.getClass().getName());
      }
    }
  }

  /** Makes the call on OkHttp's threads and waits for it. */
  static final class Enqueue extends HttpServlet {
    private final String url;

    Enqueue(String url) {
      this.url = url;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      CompletableFuture<String> body = new CompletableFuture<>();
      okHttp.newCall(new Request.Builder().url(url).build()).enqueue(new Callback() {
        @Override
        public void onResponse(Call call, Response response) throws IOException {
          try (response) {
            body.complete(response.body().string());
          }
        }

        @Override
        public void onFailure(Call call, IOException e) {
          body.completeExceptionally(e);
        }
      });
      try {
        resp.getWriter().write(body.get(5, TimeUnit.SECONDS));
      } catch (InterruptedException | ExecutionException | TimeoutException e) {
        throw new IOException(e);
      }
    }
  }
}
