package dev.backtrack.sdk.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WallClockTest {

  @Test
  void agreesWithTheSystemClock() {
    for (int i = 0; i < 3; i++) {
      long before = System.currentTimeMillis();
      long millis = WallClock.millisAt(System.nanoTime());
      long after = System.currentTimeMillis();
      assertThat(millis).isBetween(before - 2, after + 2);
    }
  }

  @Test
  void measuresTheOffsetAgainForReadingsMoreThanASecondApart() {
    long now = System.nanoTime();
    long later = WallClock.millisAt(now + 5_000_000_000L);
    assertThat(later).isCloseTo(System.currentTimeMillis() + 5000, within(50L));
    long earlier = WallClock.millisAt(now);
    assertThat(earlier).isCloseTo(System.currentTimeMillis(), within(50L));
  }
}
