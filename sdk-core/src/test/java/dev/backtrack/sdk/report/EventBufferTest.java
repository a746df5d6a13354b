package dev.backtrack.sdk.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.sdk.event.RequestEvent;
import dev.backtrack.sdk.event.SqlTiming;
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
  void keepsEventsThatFitFlatAndOtherItemsWhole() {
    EventBuffer buffer = new EventBuffer(10);
    RequestEvent withSql = new RequestEvent(1002, "00000000000000070000000000000002", null,
        null, "GET", "/users/{id}", 200, 2, 4, 90,
        List.of(new SqlTiming("select ?", 50), new SqlTiming("update t set a = ?", 30)), 0, 0,
        null, null, 7L, 2L);
    RequestEvent chained = new RequestEvent(5, "r-3", "c-3", "p-3", "POST", "/orders", 201, 9,
        0, 0, null, 0, 0, null, null);
    assertThat(FlatEvent.fits(plain(1))).isTrue();
    assertThat(FlatEvent.fits(withSql)).isTrue();
    assertThat(FlatEvent.fits(chained)).isFalse();
    buffer.add(plain(1));
    buffer.add(chained);
    buffer.add(withSql);

    List<Object> out = new ArrayList<>();
    assertThat(buffer.drain(new EventBuffer.Sink() {
      @Override
      public void item(Object item) {
        out.add(item);
      }

      @Override
      public void event(FlatEvent e) {
        StringBuilder sb = new StringBuilder(e.tsMillis() + " " + e.idHigh() + "/" + e.idLow()
            + " " + e.method() + " " + e.route() + " " + e.status() + " " + e.durationMicros()
            + " db " + e.dbCount());
        if (e.dbCount() > 0) {
          sb.append(" ").append(e.dbMicros());
          for (int i = 0; i < e.statements(); i++) {
            sb.append(" [").append(e.sql(i)).append(" ").append(e.micros(i)).append("]");
          }
        }
        out.add(sb.toString());
      }
    })).isEqualTo(3);
    assertThat(out).containsExactly("1001 7/1 GET /items/{id} 200 1 db 0", chained,
        "1002 7/2 GET /users/{id} 200 2 db 4 90 [select ? 50] [update t set a = ? 30]");
  }

  @Test
  void growsWithFlatEventsAndThenDropsTheOldest() {
    EventBuffer buffer = new EventBuffer(3000);
    for (int n = 0; n < 3500; n++) {
      buffer.add(plain(n));
    }
    assertThat(buffer.dropped()).isEqualTo(500);
    List<Object> out = new ArrayList<>();
    assertThat(buffer.drain(out::add)).isEqualTo(3000);
    for (int i = 0; i < 3000; i++) {
      assertThat(out.get(i)).isEqualTo(plain(500 + i));
    }
  }

  @Test
  void forgetsTheStatementsOfASlotOnceHandedOver() {
    EventBuffer buffer = new EventBuffer(1);
    buffer.add(new RequestEvent(1, "00000000000000070000000000000001", null, null, "GET", "/a",
        200, 1, 1, 5, List.of(new SqlTiming("select 1", 5)), 0, 0, null, null, 7L, 1L));
    buffer.drain(item -> { });
    buffer.add(plain(2));
    List<Object> out = new ArrayList<>();
    buffer.drain(out::add);
    assertThat(out).containsExactly(plain(2));
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
  void letsOneThreadUseTheWholeCapacityOfManyRings() {
    EventBuffer buffer = new EventBuffer(3000, 8);
    List<Object> out = new ArrayList<>();
    for (int n = 0; n < 3000; n++) {
      buffer.add(n);
    }
    assertThat(buffer.dropped()).isZero();
    buffer.add(3000);
    assertThat(buffer.dropped()).isEqualTo(1);
    assertThat(buffer.drain(out::add)).isEqualTo(3000);
    assertThat(out).first().isEqualTo(1);
    assertThat(out).last().isEqualTo(3000);
  }

  @Test
  void givesBackTheRoomABurstTook() {
    EventBuffer buffer = new EventBuffer(5000, 4);
    int calm = buffer.slots();
    for (int n = 0; n < 5000; n++) {
      buffer.add(plain(n));
    }
    assertThat(buffer.slots()).isGreaterThanOrEqualTo(5000);
    buffer.drain(item -> { });
    for (int round = 0; round < 8; round++) {
      if (round < 3) { // a trickle, then nothing
        buffer.add(plain(round));
      }
      assertThat(buffer.drain(item -> { })).isEqualTo(round < 3 ? 1 : 0);
    }
    assertThat(buffer.slots()).isEqualTo(calm);
  }

  @Test
  void makesRoomInAnotherRingWhenTheAddingThreadsRingIsEmpty() throws Exception {
    EventBuffer buffer = new EventBuffer(4, 2);
    onRing(0, 2, () -> List.of("a", "b", "c", "d").forEach(buffer::add));
    onRing(1, 2, () -> buffer.add("e")); // full, and this ring has nothing to drop: "a" goes
    onRing(1, 2, () -> buffer.add("f")); // now this ring has: "e" goes
    assertThat(buffer.dropped()).isEqualTo(2);
    assertThat(buffer.size()).isEqualTo(4);
    List<Object> out = new ArrayList<>();
    assertThat(buffer.drain(out::add)).isEqualTo(4);
    assertThat(out).containsExactly("b", "c", "d", "f");
  }

  @Test
  void keepsARingThatOthersEmptiedUsableAfterItShrinks() throws Exception {
    EventBuffer buffer = new EventBuffer(600, 4);
    List<Object> out = new ArrayList<>();
    onRing(0, 4, () -> range(0, 600).forEach(buffer::add)); // grows past its first size
    buffer.drain(out::add);
    onRing(1, 4, () -> range(0, 599).forEach(buffer::add));
    onRing(0, 4, () -> range(0, 401).forEach(buffer::add)); // full: runs over its own items
    onRing(2, 4, () -> buffer.add("x")); // makes room by taking ring 0's last item
    out.clear();
    assertThat(buffer.drain(out::add)).isEqualTo(600); // ring 0 is empty and shrinks
    onRing(0, 4, () -> List.of("a", "b").forEach(buffer::add));
    out.clear();
    assertThat(buffer.drain(out::add)).isEqualTo(2);
    assertThat(out).containsExactly("a", "b");
  }

  private static List<Integer> range(int from, int to) {
    return java.util.stream.IntStream.range(from, to).boxed().toList();
  }

  /** Runs {@code work} on a new thread that maps to ring {@code ring} of {@code rings}. */
  private static void onRing(int ring, int rings, Runnable work) throws InterruptedException {
    Thread t;
    do {
      t = new Thread(work);
    } while ((t.getId() & (rings - 1)) != ring);
    t.start();
    t.join();
  }

  @Test
  void losesNothingUncountedUnderConcurrentAddsAndDrains() throws Exception {
    // more threads than rings, and rings that grow, shrink and make room for each other
    EventBuffer buffer = new EventBuffer(500, 4);
    int threads = 8;
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
