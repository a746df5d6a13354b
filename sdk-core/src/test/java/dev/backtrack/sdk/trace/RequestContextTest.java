package dev.backtrack.sdk.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.sdk.Backtrack;
import dev.backtrack.sdk.event.RequestEvent;
import dev.backtrack.sdk.event.SqlTiming;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestContextTest {

  private static TraceHeaders headers(Map<String, String> h) {
    return TraceHeaders.read(name -> h.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
        .findFirst().orElse(null));
  }

  @Test
  void createsIdsWhenNoneCameIn() {
    RequestContext ctx = RequestContext.begin("GET", TraceHeaders.NONE);
    assertThat(ctx.requestId()).matches("[0-9a-f]{32}");
    assertThat(ctx.correlationId()).isEqualTo(ctx.requestId());
    assertThat(ctx.parentId()).isNull();
    RequestEvent event = ctx.finish("/", 200, null);
    assertThat(event.hasIdBits()).isTrue();
    assertThat(String.format("%016x%016x", event.idHigh(), event.idLow()))
        .isEqualTo(ctx.requestId());
  }

  @Test
  void carriesNoIdBitsForAnIdThatCameIn() {
    RequestContext ctx = RequestContext.begin("GET",
        headers(Map.of("X-Request-ID", "0123456789abcdef0123456789abcdef")));
    RequestEvent event = ctx.finish("/", 200, null);
    assertThat(event.requestId()).isEqualTo("0123456789abcdef0123456789abcdef");
    assertThat(event.hasIdBits()).isFalse();
  }

  @Test
  void takesOurOwnHeaders() {
    RequestContext ctx = RequestContext.begin("GET", headers(Map.of(
        "x-request-id", "r-1", "X-Correlation-ID", "c-1", "X-Parent-Request-ID", "p-1",
        "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")));
    assertThat(ctx.requestId()).isEqualTo("r-1");
    assertThat(ctx.correlationId()).isEqualTo("c-1");
    assertThat(ctx.parentId()).isEqualTo("p-1");
    ctx.finish("/", 200, null);
  }

  @Test
  void fallsBackToW3cTraceparent() {
    RequestContext ctx = RequestContext.begin("GET", headers(Map.of(
        "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")));
    assertThat(ctx.correlationId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(ctx.parentId()).isEqualTo("00f067aa0ba902b7");
    ctx.finish("/", 200, null);
  }

  @Test
  void ignoresMalformedOrHostileIds() {
    TraceHeaders h = headers(Map.of("X-Request-ID", "bad\r\nInjected: yes",
        "X-Correlation-ID", "x".repeat(200),
        "traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01"));
    assertThat(h.requestId()).isNull();
    assertThat(h.correlationId()).isNull();
    assertThat(h.parentId()).isNull();
  }

  @Test
  void outgoingHeadersContinueTheChain() {
    RequestContext ctx = RequestContext.begin("GET", headers(Map.of("X-Correlation-ID", "c-9")));
    ContextStorage.attach(ctx);
    try {
      Map<String, String> out = Backtrack.currentHeaders();
      assertThat(out).containsEntry("X-Correlation-ID", "c-9")
          .containsEntry("X-Parent-Request-ID", ctx.requestId());
      assertThat(out.get("traceparent"))
          .matches("00-[0-9a-f]{32}-" + ctx.requestId().substring(0, 16) + "-01");
      // a callee reading only traceparent lands on the same ids every time
      TraceHeaders callee = headers(Map.of("traceparent", out.get("traceparent")));
      assertThat(callee.parentId()).isEqualTo(ctx.requestId().substring(0, 16));
    } finally {
      ContextStorage.detach(ctx);
    }
    assertThat(Backtrack.currentHeaders()).isEmpty();
    ctx.finish("/", 200, null);
  }

  @Test
  void keepsThreeSlowestDistinctStatementsAndCounts() {
    RequestContext ctx = RequestContext.begin("get", TraceHeaders.NONE);
    ctx.recordQuery("a", 10);
    ctx.recordQuery("b", 50);
    ctx.recordQuery("a", 70);
    ctx.recordQuery("c", 5);
    ctx.recordQuery("d", 30);
    ctx.recordQueries("e", 4, 1);
    ctx.recordOutgoing("api.example.com", "post", 503, 1200, true);
    RequestEvent e = ctx.finish("/users/{id}", 200, null);
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.dbCount()).isEqualTo(9);
    assertThat(e.dbMicros()).isEqualTo(10 + 50 + 70 + 5 + 30 + 1);
    assertThat(e.slowest()).containsExactly(new SqlTiming("a", 70), new SqlTiming("b", 50),
        new SqlTiming("d", 30));
    assertThat(e.outCount()).isEqualTo(1);
    assertThat(e.outMicros()).isEqualTo(1200);
    assertThat(e.outgoing()).singleElement().satisfies(c -> {
      assertThat(c.route()).isEqualTo("/users/{id}");
      assertThat(c.requestId()).isEqualTo(ctx.requestId());
      assertThat(c.method()).isEqualTo("POST");
      assertThat(c.error()).isTrue();
    });
  }

  @Test
  void countsRequestsInFlight() {
    long before = RequestContext.inFlight();
    RequestContext ctx = RequestContext.begin("GET", TraceHeaders.NONE);
    assertThat(RequestContext.inFlight()).isEqualTo(before + 1);
    ctx.finish(null, 404, null);
    RequestEvent again = ctx.finish(null, 404, null);
    assertThat(RequestContext.inFlight()).isEqualTo(before);
    assertThat(again.route()).isEqualTo("<unmatched>");
  }

  /** Takes what finishPlain hands over. */
  private static final class Taken implements RequestContext.PlainSink {
    long idHigh;
    long idLow;
    String method;
    String route;
    int status;
    int dbCount;
    SqlTiming[] slowest;
    int calls;

    @Override
    public void accept(long startMillis, long idHigh, long idLow, String method, String route,
        int status, long durationMicros, int dbCount, long dbMicros, SqlTiming[] slowest) {
      this.idHigh = idHigh;
      this.idLow = idLow;
      this.method = method;
      this.route = route;
      this.status = status;
      this.dbCount = dbCount;
      this.slowest = slowest;
      calls++;
    }
  }

  @Test
  void endsAPlainRequestWithoutAnEvent() {
    long before = RequestContext.inFlight();
    RequestContext ctx = RequestContext.begin("GET", TraceHeaders.NONE);
    ctx.recordQuery("select 1", 5);
    Taken taken = new Taken();
    assertThat(ctx.finishPlain(null, 204, taken)).isTrue();
    assertThat(RequestContext.inFlight()).isEqualTo(before);
    assertThat(taken.calls).isEqualTo(1);
    assertThat(String.format("%016x%016x", taken.idHigh, taken.idLow))
        .isEqualTo(ctx.requestId());
    assertThat(taken.method).isEqualTo("GET");
    assertThat(taken.route).isEqualTo("<unmatched>");
    assertThat(taken.status).isEqualTo(204);
    assertThat(taken.dbCount).isEqualTo(1);
    assertThat(taken.slowest[0]).isEqualTo(new SqlTiming("select 1", 5));
    ctx.finish("/", 204, null); // describing it again counts nothing twice
    assertThat(RequestContext.inFlight()).isEqualTo(before);
  }

  @Test
  void boundsTheMethodAsTheRequestBegins() {
    Taken taken = new Taken();
    RequestContext lower = RequestContext.begin("patch", TraceHeaders.NONE);
    assertThat(lower.method()).isEqualTo("PATCH");
    assertThat(lower.finishPlain("/", 200, taken)).isTrue();
    assertThat(taken.method).isEqualTo("PATCH");
    RequestContext hostile = RequestContext.begin("GET<script>", TraceHeaders.NONE);
    assertThat(hostile.finishPlain("/", 200, taken)).isTrue();
    assertThat(taken.method).isEqualTo("OTHER");
  }

  @Test
  void letsTheApplicationNameTheRoute() {
    assertThat(Backtrack.route("/reports/{id}")).isFalse(); // no request on this thread
    RequestContext ctx = RequestContext.begin("GET", TraceHeaders.NONE);
    ContextStorage.attach(ctx);
    try {
      assertThat(Backtrack.route("/reports/{id}")).isTrue();
    } finally {
      ContextStorage.detach(ctx);
    }
    Taken taken = new Taken();
    assertThat(ctx.finishPlain("/{*}", 200, taken)).isTrue();
    assertThat(taken.route).isEqualTo("/reports/{id}");
    assertThat(ctx.finish("/{*}", 200, null).route()).isEqualTo("/reports/{id}");
    ctx.route(null);
    assertThat(ctx.finish("/{*}", 200, null).route()).isEqualTo("/{*}");
  }

  @Test
  void leavesEveryOtherRequestToFinish() {
    long before = RequestContext.inFlight();
    RequestContext[] notPlain = {
        RequestContext.begin("GET", headers(Map.of("X-Request-ID", "from-the-client"))),
        RequestContext.begin("GET", headers(Map.of("X-Parent-Request-ID", "p-1"))),
        RequestContext.begin("GET", headers(Map.of("X-Correlation-ID", "c-1"))),
        RequestContext.begin("GET", TraceHeaders.NONE),
    };
    notPlain[3].recordOutgoing("inventory:8080", "GET", 200, 100, false);
    Taken taken = new Taken();
    for (RequestContext ctx : notPlain) {
      assertThat(ctx.finishPlain("/x", 200, taken)).isFalse();
    }
    assertThat(taken.calls).isZero();
    assertThat(RequestContext.inFlight()).isEqualTo(before + notPlain.length);
    for (RequestContext ctx : notPlain) {
      ctx.finish("/x", 200, null);
    }
    assertThat(RequestContext.inFlight()).isEqualTo(before);
  }

  @Test
  void writesTheRequestIdAsAsciiAndTellsAChainApart() {
    RequestContext own = RequestContext.begin("GET", TraceHeaders.NONE);
    assertThat(new String(own.requestIdAscii(), java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo(own.requestId()).matches("[0-9a-f]{32}");
    assertThat(own.continuesChain()).isFalse();
    RequestContext given = RequestContext.begin("GET",
        headers(Map.of("X-Request-ID", "r-1", "X-Correlation-ID", "r-1")));
    assertThat(given.requestIdAscii()).isEqualTo("r-1".getBytes());
    assertThat(given.continuesChain()).isFalse(); // a chain of its own
    RequestContext chained = RequestContext.begin("GET",
        headers(Map.of("X-Request-ID", "r-2", "X-Correlation-ID", "c-1")));
    assertThat(chained.continuesChain()).isTrue();
    for (RequestContext ctx : new RequestContext[] {own, given, chained}) {
      ctx.finish("/", 200, null);
    }
  }
}
