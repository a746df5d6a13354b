package dev.backtrack.sdk.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.sdk.event.ErrorInfo;
import dev.backtrack.sdk.event.Heartbeat;
import dev.backtrack.sdk.event.OutgoingCall;
import dev.backtrack.sdk.event.RequestEvent;
import dev.backtrack.sdk.event.SqlTiming;
import dev.backtrack.sdk.json.TinyJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchEncoderTest {
  private static final BatchEncoder.Instance INSTANCE =
      new BatchEncoder.Instance("shop-api", "laptop", 4242, "backtrack-servlet/0.1.0");

  @Test
  void encodesAMinimalEventExactly() {
    RequestEvent e = new RequestEvent(1732400000123L, "r-1", "c-1", null, "GET", "/users/{id}",
        200, 1234, 0, 0, null, 0, 0, null, null);
    String json = new String(BatchEncoder.encode("b-1", INSTANCE, List.of(e), null), UTF_8);
    assertThat(json).isEqualTo("{\"v\":1,\"batch_id\":\"b-1\",\"service\":\"shop-api\","
        + "\"instance\":{\"host\":\"laptop\",\"pid\":4242,\"sdk\":\"backtrack-servlet/0.1.0\"},"
        + "\"events\":[{\"ts\":1732400000123,\"request_id\":\"r-1\",\"correlation_id\":\"c-1\","
        + "\"method\":\"GET\",\"route\":\"/users/{id}\",\"status\":200,\"duration_us\":1234}]}");
  }

  @Test
  void startsEachBatchOfAReusedEncoderAfresh() {
    BatchEncoder encoder = new BatchEncoder();
    encoder.add(new OutgoingCall(5, null, null, "GET", "h:1", 200, 9, false));
    encoder.finish("b-1", INSTANCE, new Heartbeat(6, 1.5, 100, 0, 0));
    Heartbeat hb = new Heartbeat(7, 2.5, 200, 1, 3);
    String json = new String(encoder.finish("b-2", INSTANCE, hb), UTF_8);
    assertThat(json).isEqualTo("{\"v\":1,\"batch_id\":\"b-2\",\"service\":\"shop-api\","
        + "\"instance\":{\"host\":\"laptop\",\"pid\":4242,\"sdk\":\"backtrack-servlet/0.1.0\"},"
        + "\"events\":[],\"heartbeat\":{\"ts\":7,\"cpu_pct\":2.5,\"rss_bytes\":200,"
        + "\"in_flight\":1,\"dropped\":3}}");
  }

  @Test
  void writesAGeneratedRequestIdFromItsBits() {
    String id = "00000000000000ff8000000000000001";
    RequestEvent e = new RequestEvent(1, id, "c-1", null, "GET", "/", 200, 5, 0, 0, null, 0, 0,
        null, null, 0xffL, 0x8000000000000001L);
    assertThat(e.hasIdBits()).isTrue();
    String json = new String(BatchEncoder.encode("b-1", INSTANCE, List.of(e), null), UTF_8);
    assertThat(json).contains("\"request_id\":\"" + id + "\",\"correlation_id\":\"c-1\"");

    RequestEvent cut = new RequestEvent(1, "r-1", null, null, "GET", "/", 200, 5, 0, 0, null,
        0, 0, null, null, 1, 2);
    assertThat(cut.hasIdBits()).as("bits that cannot be this id's are dropped").isFalse();
  }

  @Test
  void encodesAnEventKeptFlatAsTheEventItself() {
    RequestEvent plain = new RequestEvent(1732400000123L, "0000000000000001000000000000abcd",
        null, null, "GET", "/users/{id}", 200, 1234, 0, 0, null, 0, 0, null, null, 1, 0xabcd);
    RequestEvent withSql = new RequestEvent(1732400000124L, "0000000000000001000000000000abce",
        "0000000000000001000000000000abce", null, "POST", "/users", 201, 88, 3, 70,
        List.of(new SqlTiming("insert into users values (?)", 60), new SqlTiming("select 1", 10)),
        0, 0, null, null, 1, 0xabce);
    EventBuffer buffer = new EventBuffer(10);
    buffer.add(plain);
    buffer.add(withSql);
    BatchEncoder flat = new BatchEncoder();
    buffer.drain(new EventBuffer.Sink() {
      @Override
      public void item(Object item) {
        throw new AssertionError("kept whole: " + item);
      }

      @Override
      public void event(FlatEvent e) {
        flat.add(e);
      }
    });
    assertThat(new String(flat.finish("b-1", INSTANCE, null), UTF_8))
        .isEqualTo(new String(BatchEncoder.encode("b-1", INSTANCE, List.of(plain, withSql),
            null), UTF_8))
        .contains("\"request_id\":\"0000000000000001000000000000abcd\",\"method\"")
        .contains("\"db\":{\"count\":3,\"us\":70,\"slowest\":[{\"sql\":"
            + "\"insert into users values (?)\",\"us\":60},{\"sql\":\"select 1\",\"us\":10}]}");
  }

  @Test
  void leavesOutACorrelationIdThatIsTheRequestId() {
    RequestEvent root = new RequestEvent(1732400000123L, "r-1", "r-1", null, "GET", "/", 200, 5,
        0, 0, null, 0, 0, null, null);
    String json = new String(BatchEncoder.encode("b-1", INSTANCE, List.of(root), null), UTF_8);
    assertThat(json).contains("\"request_id\":\"r-1\",\"method\"")
        .doesNotContain("correlation_id");
  }

  @Test
  @SuppressWarnings("unchecked")
  void roundTripsEveryField() {
    OutgoingCall call = new OutgoingCall(1732400000200L, "r-1", "/users/{id}", "GET",
        "api.example.com", 200, 300, false);
    RequestEvent e = new RequestEvent(1732400000123L, "r-1", "c-1", "p-0", "GET", "/users/{id}",
        500, 1234, 3, 800, List.of(new SqlTiming("select * from users where id = ?", 500)), 1,
        300, new ErrorInfo("java.lang.IllegalStateException", "stock \"is\" negative\n",
            "9f2c4e7a1b3d5f60", "trace\n\tat x"), List.of(call));
    OutgoingCall loose = new OutgoingCall(1732400000300L, null, null, "POST", "h:81", 0, 9, true);
    Heartbeat hb = new Heartbeat(1732400001000L, 3.5, 123456789, 2, 7);

    Map<String, Object> batch =
        TinyJson.object(new String(BatchEncoder.encode("b-2", INSTANCE, List.of(e, loose), hb),
            UTF_8));

    assertThat(batch).containsEntry("v", 1L).containsEntry("batch_id", "b-2")
        .containsEntry("service", "shop-api");
    Map<String, Object> event = ((List<Map<String, Object>>) batch.get("events")).get(0);
    assertThat(event).containsEntry("parent_id", "p-0").containsEntry("status", 500L)
        .containsEntry("duration_us", 1234L);
    assertThat(event.get("db")).isEqualTo(Map.of("count", 3L, "us", 800L, "slowest",
        List.of(Map.of("sql", "select * from users where id = ?", "us", 500L))));
    assertThat(event.get("out")).isEqualTo(Map.of("count", 1L, "us", 300L));
    assertThat(event.get("error")).isEqualTo(Map.of("type", "java.lang.IllegalStateException",
        "message", "stock \"is\" negative\n", "fingerprint", "9f2c4e7a1b3d5f60",
        "stack", "trace\n\tat x"));
    List<Map<String, Object>> outgoing = (List<Map<String, Object>>) batch.get("outgoing");
    assertThat(outgoing).hasSize(2);
    assertThat(outgoing.get(0)).containsEntry("host", "api.example.com")
        .containsEntry("route", "/users/{id}").containsEntry("error", false);
    assertThat(outgoing.get(1)).containsEntry("host", "h:81").containsEntry("status", 0L)
        .doesNotContainKey("request_id");
    assertThat(batch.get("heartbeat")).isEqualTo(Map.of("ts", 1732400001000L, "cpu_pct", 3.5,
        "rss_bytes", 123456789L, "in_flight", 2L, "dropped", 7L));
  }

  @Test
  void sanitizesValuesToTheProtocolsRanges() {
    RequestEvent e = new RequestEvent(1, "r".repeat(300), null, null, "m-search", "", 42, -5, 0,
        0, null, 0, 0, null, null);
    assertThat(e.requestId()).hasSize(128);
    assertThat(e.method()).isEqualTo("OTHER");
    assertThat(e.route()).isEqualTo("/");
    assertThat(e.status()).isEqualTo(100);
    assertThat(e.durationMicros()).isZero();
  }
}
