package dev.backtrack.sdk.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.sdk.event.RequestEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReporterIT {
  private StandInCollector collector;
  private Reporter reporter;

  @AfterEach
  void tearDown() {
    if (reporter != null) {
      reporter.close(Duration.ofMillis(200));
    }
    if (collector != null) {
      collector.close();
    }
  }

  private Reporter start(int bufferSize) {
    ReporterSettings settings = new ReporterSettings("it-svc", "test/1", bufferSize, 50, 200,
        ReporterSettings.DEFAULT_MAX_BATCH_EVENTS, 200, () -> 0);
    HttpTransport transport = new HttpTransport(collector.endpoint(), "tok",
        Duration.ofMillis(500), Duration.ofMillis(800));
    reporter = Reporter.start(settings, transport);
    return reporter;
  }

  private static RequestEvent event(int i) {
    return new RequestEvent(1000 + i, "r-" + i, null, null, "GET", "/x/{id}", 200, i, 0, 0, null,
        0, 0, null, null);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  @Test
  void deliversGzipBatchesInTheBackground() throws Exception {
    collector = new StandInCollector();
    Reporter r = start(5000);
    for (int i = 0; i < 25; i++) {
      r.record(event(i));
    }
    await(() -> collector.eventCount() == 25, "25 events");
    assertThat(collector.received).allSatisfy(rec -> {
      assertThat(rec.contentEncoding()).isEqualTo("gzip");
      assertThat(rec.batch()).containsEntry("v", 1L).containsEntry("service", "it-svc");
    });
    await(() -> collector.received.stream().anyMatch(x -> x.batch().containsKey("heartbeat")),
        "a heartbeat");
  }

  @Test
  void retriesWithTheSameBatchIdUntilAccepted() throws Exception {
    collector = new StandInCollector();
    AtomicInteger calls = new AtomicInteger();
    collector.answer = () -> calls.incrementAndGet() <= 2 ? 503 : 200;
    Reporter r = start(5000);
    r.record(event(1));
    await(() -> calls.get() >= 3, "three attempts");
    // a copy: a heartbeat may arrive meanwhile, and a live list's sub-list would then fail
    List<StandInCollector.Received> attempts = List.copyOf(collector.received).subList(0, 3);
    Object firstId = attempts.get(0).batch().get("batch_id");
    assertThat(attempts)
        .allSatisfy(rec -> assertThat(rec.batch().get("batch_id")).isEqualTo(firstId));
  }

  @Test
  void hangingCollectorNeverBlocksRecordAndDataFlowsAfterwards() throws Exception {
    collector = new StandInCollector();
    collector.hang = new CountDownLatch(1);
    Reporter r = start(100);
    for (int i = 0; i < 10_000; i++) {
      r.record(event(i)); // would never finish if record() waited for the collector
    }
    assertThat(r.dropped()).isGreaterThan(0);
    collector.hang.countDown();
    await(() -> collector.eventCount() > 0, "events after the hang");
    r.record(event(424242));
    await(() -> collector.received.stream().anyMatch(rec -> rec.batch().toString()
        .contains("r-424242")), "a fresh event");
  }

  @Test
  void downCollectorLosesNothingWithinTheBufferAndRecovers() throws Exception {
    collector = new StandInCollector();
    collector.stop();
    Reporter r = start(5000);
    for (int i = 0; i < 50; i++) {
      r.record(event(i));
    }
    Thread.sleep(300); // a few failed attempts
    collector.restart();
    await(() -> collector.eventCount() >= 50, "buffered events after restart");
    assertThat(r.dropped()).isZero();
  }
}
