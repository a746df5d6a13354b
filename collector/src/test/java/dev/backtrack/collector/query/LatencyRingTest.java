package dev.backtrack.collector.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyRingTest {
  private static final long NOW = 1_800_000_000L;

  private final LatencyRing<String> ring = new LatencyRing<>(60, Window.MAX_SECONDS);
  private final LatencyCounts expected = new LatencyCounts();
  private final Random random = new Random(7);

  @Test
  void aWindowAddsUpToEveryValueInItsBuckets() {
    for (long second = NOW - 3599; second <= NOW; second++) {
      record(second, "a", 1 + random.nextInt(50_000));
      record(second, "b", 1 + random.nextInt(500));
    }

    LatencyCounts a = window("a", NOW - 3599, NOW);

    assertThat(a.total()).isEqualTo(expected.total()).isEqualTo(3600);
    for (double p : new double[] {0, 50, 95, 99, 100}) {
      assertThat(a.valueAtPercentile(p)).isEqualTo(expected.valueAtPercentile(p));
    }
    // Asked again, the kept merge gives the same answer.
    assertThat(window("a", NOW - 3599, NOW).valueAtPercentile(99))
        .isEqualTo(expected.valueAtPercentile(99));
    assertThat(window("b", NOW - 3599, NOW).total()).isEqualTo(3600);
  }

  @Test
  void theMergeFollowsTheWindowAsItSlides() {
    for (long second = NOW - 3599; second <= NOW; second++) {
      record(second, "a", 100);
    }
    assertThat(window("a", NOW - 3599, NOW).total()).isEqualTo(3600);

    for (long second = NOW + 1; second <= NOW + 120; second++) {
      record(second, "a", 100);
    }

    // Two minutes on, the window starts in a later bucket and more buckets have settled.
    long firstSecond = Math.max(NOW - 3599, Math.floorDiv(NOW - 3599 + 120, 60) * 60);
    assertThat(window("a", NOW - 3599 + 120, NOW + 120).total())
        .isEqualTo(NOW + 120 - firstSecond + 1);
  }

  @Test
  void aLateEventInASettledBucketIsCounted() {
    for (long second = NOW - 600; second <= NOW; second++) {
      record(second, "a", 100);
    }
    long before = window("a", NOW - 599, NOW).total();

    record(NOW - 300, "a", 90_000);

    LatencyCounts after = window("a", NOW - 599, NOW);
    assertThat(after.total()).isEqualTo(before + 1);
    assertThat(after.valueAtPercentile(100)).isGreaterThanOrEqualTo(90_000);
  }

  @Test
  void bucketsAreCompactedOnceSettledAndStillTakeLateEvents() {
    LatencyRing<String> fine = LatencyRing.fine();
    for (long second = NOW - 60; second <= NOW; second++) {
      fine.record(second, "a", 100 + second % 7);
    }
    int[] open = new int[2];
    fine.forEachBucket(NOW - 60, NOW, (start, bucket) -> {
      boolean settled = start + 5 + LatencySlots.SETTLED_AFTER_SECONDS <= NOW;
      assertThat(bucket.get("a").isCompact()).as("bucket at %d", start).isEqualTo(settled);
      open[settled ? 0 : 1]++;
    });
    assertThat(open[0]).isGreaterThan(8);
    assertThat(open[1]).isBetween(1, 3);

    fine.record(NOW - 58, "a", 90_000); // late, and no query in between

    LatencyCounts counts = new LatencyCounts();
    fine.forEach(NOW - 60, NOW, (k, slots) -> slots.addTo(counts));
    assertThat(counts.total()).isEqualTo(62);
    assertThat(counts.valueAtPercentile(100)).isGreaterThanOrEqualTo(90_000);
  }

  @Test
  void aBucketFirstWrittenAfterItSettledIsCompactToo() {
    LatencyRing<String> fine = LatencyRing.fine();
    fine.record(NOW, "a", 100);
    fine.record(NOW - 300, "b", 100); // out of order, as after an SDK's backlog
    fine.record(NOW - 300, "b", 200);

    fine.forEachBucket(NOW - 300, NOW - 300,
        (start, bucket) -> assertThat(bucket.get("b").isCompact()).isTrue());
    LatencyCounts counts = new LatencyCounts();
    fine.forEach(NOW - 300, NOW, (k, slots) -> {
      if (k.equals("b")) {
        slots.addTo(counts);
      }
    });
    assertThat(counts.total()).isEqualTo(2);
    assertThat(counts.valueAtPercentile(100)).isBetween(199L, 201L);
  }

  @Test
  void theFineRingKeepsOnlyWhatTheShorterWindowsRead() {
    LatencyRing<String> fine = LatencyRing.fine();
    for (long second = NOW - 3599; second <= NOW; second++) {
      fine.record(second, "a", 100);
    }
    int[] buckets = new int[1];
    fine.forEachBucket(NOW - 3599, NOW, (start, bucket) -> {
      assertThat(start).isGreaterThan(NOW - LatencyRing.FINE_UP_TO_SECONDS - 5);
      buckets[0]++;
    });
    assertThat(buckets[0]).isEqualTo(LatencyRing.FINE_UP_TO_SECONDS / 5 + 1);
  }

  private void record(long second, String key, long micros) {
    ring.record(second, key, micros);
    if (key.equals("a")) {
      expected.add(LatencySlots.index(micros), 1);
    }
  }

  private LatencyCounts window(String key, long from, long to) {
    LatencyCounts counts = new LatencyCounts();
    ring.forEach(from, to, (k, slots) -> {
      if (k.equals(key)) {
        slots.addTo(counts);
      }
    });
    return counts;
  }
}
