package dev.backtrack.collector.query;

import java.util.function.LongSupplier;

/** A clock the test moves by hand, in ms since the epoch. */
final class TestClock implements LongSupplier {
  private long millis;

  TestClock(long millis) {
    this.millis = millis;
  }

  void advanceSeconds(long seconds) {
    millis += seconds * 1000;
  }

  @Override
  public long getAsLong() {
    return millis;
  }
}
