package dev.backtrack.sdk.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.sdk.event.RequestEvent;
import dev.backtrack.sdk.trace.RequestContext;
import dev.backtrack.sdk.trace.TraceHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BufferedReporterTest {

  private static RequestEvent event(int i) {
    return new RequestEvent(1000 + i, "r-" + i, null, null, "GET", "/x", 200, i, 0, 0, null, 0,
        0, null, null);
  }

  private static BufferedReporter reporter(RecordingTransport t, int buffer, int maxBatch) {
    ReporterSettings s = new ReporterSettings("svc", "test/1", buffer, 60_000, 60_000, maxBatch,
        60_000, () -> 3);
    return new BufferedReporter(s, t, new ProcessStats());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> events(Map<String, Object> batch) {
    return (List<Map<String, Object>>) batch.get("events");
  }

  @Test
  void countsDropsAndReportsThemInTheHeartbeat() throws Exception {
    RecordingTransport t = new RecordingTransport();
    BufferedReporter r = reporter(t, 3, 100);
    for (int i = 0; i < 10; i++) {
      r.record(event(i));
    }
    assertThat(r.dropped()).isEqualTo(7);
    r.flushOnce(Long.MAX_VALUE, true); // heartbeat due
    assertThat(t.batches).hasSize(1);
    assertThat(events(t.batches.get(0))).extracting(e -> e.get("request_id"))
        .containsExactly("r-7", "r-8", "r-9");
    assertThat(t.batches.get(0).get("heartbeat")).asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("dropped", 7L).containsEntry("in_flight", 3L);
  }

  /** An event as a request context makes it: an id from its bits, so it is kept flat. */
  private static RequestEvent flatEvent(int i) {
    String id = String.format("%032x", i + 1);
    return new RequestEvent(2000 + i, id, id, null, "GET", "/flat", 200, i, 0, 0, null, 0, 0,
        null, null, 0, i + 1);
  }

  @Test
  void batchesFlatAndWholeEventsTogetherInTheOrderRecorded() throws Exception {
    RecordingTransport t = new RecordingTransport();
    BufferedReporter r = reporter(t, 100, 4);
    for (int i = 0; i < 5; i++) {
      r.record(flatEvent(i));
      r.record(event(i));
    }
    r.flushOnce(0, true);
    assertThat(t.batches).extracting(b -> events(b).size()).containsExactly(4, 4, 2);
    assertThat(t.batches.stream().flatMap(b -> events(b).stream()).map(e -> e.get("request_id")))
        .containsExactly(
            "00000000000000000000000000000001", "r-0", "00000000000000000000000000000002", "r-1",
            "00000000000000000000000000000003", "r-2", "00000000000000000000000000000004", "r-3",
            "00000000000000000000000000000005", "r-4");
    assertThat(events(t.batches.get(0)).get(0)).containsEntry("route", "/flat")
        .containsEntry("ts", 2000L).doesNotContainKey("correlation_id");
    assertThat(r.flush(Duration.ofMillis(1))).isTrue();
  }

  @Test
  void endsPlainRequestsIntoTheBufferAsTheirEventsWouldBeSent() throws Exception {
    RecordingTransport direct = new RecordingTransport();
    RecordingTransport viaEvents = new RecordingTransport();
    BufferedReporter r = reporter(direct, 100, 100);
    BufferedReporter byEvent = reporter(viaEvents, 100, 100);
    RequestContext plain = RequestContext.begin("get", TraceHeaders.NONE);
    for (int i = 1; i <= 4; i++) {
      plain.recordQuery("select " + i, i * 10);
    }
    RequestContext failed = RequestContext.begin("POST", TraceHeaders.NONE);
    RequestContext fromClient = RequestContext.begin("GET",
        TraceHeaders.read(name -> name.equals(TraceHeaders.REQUEST_ID) ? "from-client" : null));
    r.finish(plain, "", 700, null);
    IllegalStateException noStock = new IllegalStateException("no stock");
    r.finish(failed, "/orders", 500, noStock);
    r.finish(fromClient, "/items/{id}", 200, null);
    byEvent.record(plain.finish("", 700, null)); // described again, the way it was before
    byEvent.record(failed.finish("/orders", 500, noStock));
    byEvent.record(fromClient.finish("/items/{id}", 200, null));
    r.flushOnce(0, true);
    byEvent.flushOnce(0, true);

    List<Map<String, Object>> sent = events(direct.batches.get(0));
    List<Map<String, Object>> expected = events(viaEvents.batches.get(0));
    assertThat(sent).hasSize(3);
    for (int i = 0; i < 3; i++) { // durations differ: each finish measures again
      sent.get(i).remove("duration_us");
      expected.get(i).remove("duration_us");
    }
    assertThat(sent).isEqualTo(expected);
    assertThat(sent.get(0)).containsEntry("request_id", plain.requestId())
        .containsEntry("method", "GET").containsEntry("route", "/")
        .containsEntry("status", 599L)
        .containsEntry("db", Map.of("count", 4L, "us", 100L, "slowest", List.of(
            Map.of("sql", "select 4", "us", 40L), Map.of("sql", "select 3", "us", 30L),
            Map.of("sql", "select 2", "us", 20L))));
  }

  @Test
  void encodesMoreOftenWhileManyEventsArrive() {
    assertThat(BufferedReporter.encodeIntervalAfter(0, 1000)).isEqualTo(100);
    assertThat(BufferedReporter.encodeIntervalAfter(BufferedReporter.BUSY_EVENTS - 1, 1000))
        .isEqualTo(100);
    assertThat(BufferedReporter.encodeIntervalAfter(BufferedReporter.BUSY_EVENTS, 1000))
        .isEqualTo(10);
    assertThat(BufferedReporter.encodeIntervalAfter(0, 5)).isEqualTo(5); // never past a flush
  }

  @Test
  void splitsLargeFlushesIntoBatches() throws Exception {
    RecordingTransport t = new RecordingTransport();
    BufferedReporter r = reporter(t, 100, 4);
    for (int i = 0; i < 10; i++) {
      r.record(event(i));
    }
    r.flushOnce(0, true);
    assertThat(t.batches).extracting(b -> events(b).size()).containsExactly(4, 4, 2);
    assertThat(t.batches).extracting(b -> b.get("batch_id")).doesNotHaveDuplicates();
  }

  @Test
  void encodesBetweenFlushesAndSendsFullBatchesAtOnce() throws Exception {
    RecordingTransport t = new RecordingTransport();
    BufferedReporter r = reporter(t, 100, 4);
    for (int i = 0; i < 10; i++) {
      r.record(event(i));
    }
    r.encodeOnce();
    assertThat(t.batches).extracting(b -> events(b).size()).containsExactly(4, 4);
    r.record(event(10));
    r.flushOnce(0, false);
    assertThat(t.batches).extracting(b -> events(b).size()).containsExactly(4, 4, 3);
    assertThat(events(t.batches.get(2))).extracting(e -> e.get("request_id"))
        .containsExactly("r-8", "r-9", "r-10");
  }

  @Test
  void keepsNewEventsBufferedWhileABatchWaitsForItsRetry() throws Exception {
    RecordingTransport t = new RecordingTransport();
    BufferedReporter r = reporter(t, 3, 2);
    t.answer = () -> 503;
    r.record(event(1));
    r.record(event(2));
    r.encodeOnce(); // full batch, refused for now
    for (int i = 3; i <= 7; i++) {
      r.record(event(i));
    }
    r.encodeOnce(); // waits: the buffer keeps its newest three, the rest counted as dropped
    assertThat(t.batches).hasSize(1);
    assertThat(r.dropped()).isEqualTo(2);
    t.answer = () -> 200;
    r.flushOnce(0, false); // still backing off
    assertThat(t.batches).hasSize(1);
    r.flushOnce(0, true);
    assertThat(t.batches).extracting(b -> events(b).size()).containsExactly(2, 2, 2, 1);
    assertThat(t.batches.get(1).get("batch_id")).isEqualTo(t.batches.get(0).get("batch_id"));
    assertThat(t.batches.subList(1, 4)).flatExtracting(b -> events(b))
        .extracting(e -> e.get("request_id")).containsExactly("r-1", "r-2", "r-5", "r-6", "r-7");
  }

  @Test
  void retriesAFailedBatchWithTheSameIdAndDropsARefusedOne() throws Exception {
    RecordingTransport t = new RecordingTransport();
    BufferedReporter r = reporter(t, 100, 100);
    r.record(event(1));
    t.answer = () -> 503;
    r.flushOnce(0, true);
    t.answer = () -> -1;
    r.flushOnce(0, true);
    t.answer = () -> 200;
    r.flushOnce(0, true);
    assertThat(t.batches).hasSize(3);
    assertThat(t.batches).extracting(b -> b.get("batch_id")).containsOnly(
        t.batches.get(0).get("batch_id"));

    r.record(event(2));
    t.answer = () -> 400;
    r.flushOnce(0, true);
    r.flushOnce(0, true); // nothing left to send
    assertThat(t.batches).hasSize(4);
    assertThat(r.dropped()).isEqualTo(1);
  }

  @Test
  void noopReporterIgnoresEverything() {
    Reporter r = Reporter.noop();
    r.record(event(1));
    assertThat(r.dropped()).isZero();
    assertThat(r.flush(Duration.ofMillis(1))).isTrue();
  }
}
