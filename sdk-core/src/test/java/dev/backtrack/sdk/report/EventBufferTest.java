package dev.backtrack.sdk.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.sdk.event.RequestEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBufferTest {

  /** A plain event as a request context makes it: its own correlation id. */
  private static RequestEvent plain(long n) {
    String id = String.format("%016x%016x", 7L, n);
    return new RequestEvent(1000 + n, id, id, null, "GET", "/items/{id}", 200, n, 0, 0, null, 0,
        0, null, null, 7L, n);
  }

  @Test
  void keepsPlainEventsInPartsAndOtherItemsWhole() {
    EventBuffer buffer = new EventBuffer(10);
    RequestEvent first = plain(1);
    RequestEvent chained = new RequestEvent(5, "r-2", "c-2", "p-2", "POST", "/orders", 201, 9,
        0, 0, null, 0, 0, null, null);
    assertThat(BatchEncoder.isPlain(first)).isTrue();
    assertThat(BatchEncoder.isPlain(chained)).isFalse();
    buffer.add(first);
    buffer.add(chained);
    buffer.add(plain(3));

    List<Object> out = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    assertThat(buffer.drain(new EventBuffer.Sink() {
      @Override
      public void item(Object item) {
        out.add(item);
      }

      @Override
      public void plainEvent(long tsMillis, long idHigh, long idLow, String method,
          String route, int status, long durationMicros) {
        out.add(idLow);
        parts.add(tsMillis + " " + idHigh + " " + method + " " + route + " " + status + " "
            + durationMicros);
      }
    })).isEqualTo(3);
    assertThat(out).containsExactly(1L, chained, 3L);
    assertThat(parts)
        .containsExactly("1001 7 GET /items/{id} 200 1", "1003 7 GET /items/{id} 200 3");
  }

  @Test
  void rebuildsPlainEventsForASinkThatTakesItemsOnly() {
    EventBuffer buffer = new EventBuffer(2);
    for (int n = 1; n <= 3; n++) {
      buffer.add(plain(n));
    }
    List<Object> out = new ArrayList<>();
    buffer.drain(out::add);
    assertThat(out).containsExactly(plain(2), plain(3));
    assertThat(buffer.dropped()).isEqualTo(1);
  }

  @Test
  void dropsOldestEventsWhenBufferIsFull() {
    EventBuffer buffer = new EventBuffer(3);
    for (int i = 1; i <= 5; i++) {
      buffer.add(i);
    }
    assertThat(buffer.dropped()).isEqualTo(2);
    List<Object> out = new ArrayList<>();
    assertThat(buffer.drain(out::add)).isEqualTo(3);
    assertThat(out).containsExactly(3, 4, 5);
    assertThat(buffer.size()).isZero();
  }

  @Test
  void keepsOrderAcrossDrains() {
    EventBuffer buffer = new EventBuffer(5000);
    List<Object> out = new ArrayList<>();
    int next = 0;
    for (int round = 0; round < 4; round++) {
      for (int i = 0; i < 1500 + round * 700; i++) {
        buffer.add(next++);
      }
      buffer.drain(out::add);
    }
    assertThat(buffer.dropped()).isZero();
    assertThat(out).hasSize(next);
    for (int i = 0; i < next; i++) {
      assertThat(out.get(i)).isEqualTo(i);
    }
    assertThat(buffer.drain(out::add)).isZero();
  }

  @Test
  void losesNothingUncountedUnderConcurrentAddsAndDrains() throws Exception {
    EventBuffer buffer = new EventBuffer(500);
    int threads = 4;
    int perThread = 50_000;
    Thread[] adders = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      adders[t] = new Thread(() -> {
        for (int i = 0; i < perThread; i++) {
          buffer.add(i);
        }
      });
      adders[t].start();
    }
    long[] drained = new long[1];
    while (anyAlive(adders)) {
      drained[0] += buffer.drain(item -> { });
      assertThat(buffer.size()).isLessThanOrEqualTo(500 + threads);
    }
    drained[0] += buffer.drain(item -> { });
    assertThat(drained[0] + buffer.dropped()).isEqualTo((long) threads * perThread);
    assertThat(buffer.size()).isZero();
  }

  private static boolean anyAlive(Thread[] threads) {
    for (Thread t : threads) {
      if (t.isAlive()) {
        return true;
      }
    }
    return false;
  }

  @Test
  void dropsTheOldestOfWhatIsLeftAfterADrain() {
    EventBuffer buffer = new EventBuffer(4);
    List<Object> out = new ArrayList<>();
    buffer.add("a");
    buffer.add("b");
    buffer.drain(out::add);
    for (String s : List.of("c", "d", "e", "f", "g", "h")) {
      buffer.add(s);
    }
    out.clear();
    buffer.drain(out::add);
    assertThat(out).containsExactly("e", "f", "g", "h");
    assertThat(buffer.dropped()).isEqualTo(2);
  }
}
