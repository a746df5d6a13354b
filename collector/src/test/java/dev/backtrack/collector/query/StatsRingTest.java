package dev.backtrack.collector.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatsRingTest {
  @Test
  void minutesAndRaggedEdgesCountEverySecondOfTheWindowExactlyOnce() {
    long now = 1_732_400_017L;
    StatsRing<String> ring = new StatsRing<>();
    long[] perSecond = new long[Window.MAX_SECONDS];
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      int age = random.nextInt(Window.MAX_SECONDS);
      ring.record(now - age, "k", 1_000, false, 0, 0, 0, 0);
      perSecond[age]++;
    }
    for (int seconds : new int[] {1, 59, 60, 61, 119, 300, 900, 1234, 3600}) {
      for (int shift = 0; shift < 3; shift++) {
        long to = now - shift;
        long from = to - seconds + 1;
        long expected = 0;
        for (long s = Math.max(from, now - Window.MAX_SECONDS + 1); s <= to; s++) {
          expected += perSecond[(int) (now - s)];
        }
        long[] counted = {0};
        ring.forEach(from, to, (start, bucket) -> counted[0] += bucket.get("k").count);
        assertThat(counted[0]).as("%d seconds ending %d", seconds, to).isEqualTo(expected);
      }
    }
  }
}
