package dev.backtrack.collector.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySlotsTest {
  @Test
  void slotsMatchHdrHistogramWithTwoSignificantDigits() {
    Histogram hdr = new Histogram(1, LatencySlots.HIGHEST_MICROS, 2);
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 100_000; i++) {
      long value = (long) Math.pow(10, random.nextDouble() * 10.9);
      int index = LatencySlots.index(value);
      assertThat(LatencySlots.lowestValue(index)).as("value %d", value)
          .isEqualTo(hdr.lowestEquivalentValue(value));
      assertThat(LatencySlots.highestValue(index)).as("value %d", value)
          .isEqualTo(hdr.highestEquivalentValue(value));
    }
  }

  @Test
  void mergedPercentilesEqualHdrHistogramOnes() {
    Histogram hdr = new Histogram(1, LatencySlots.HIGHEST_MICROS, 2);
    LatencySlots first = new LatencySlots();
    LatencySlots second = new LatencySlots();
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 50_000; i++) {
      long value = random.nextLong(1, 2_000_000);
      hdr.recordValue(value);
      (i % 3 == 0 ? first : second).record(value);
    }
    LatencyCounts merged = new LatencyCounts();
    first.addTo(merged);
    second.addTo(merged);
    assertThat(merged.total()).isEqualTo(50_000);
    for (double p : new double[] {0, 1, 50, 90, 95, 99, 99.9, 100}) {
      assertThat(merged.valueAtPercentile(p)).as("p%s", p).isEqualTo(hdr.getValueAtPercentile(p));
    }
  }

  @Test
  void settledBucketsMergeTheSameAndStillTakeLateValues() {
    LatencySlots slots = new LatencySlots();
    LatencyCounts reference = new LatencyCounts();
    LatencySlots plain = new LatencySlots();
    for (long v = 1; v < 5_000_000; v = v * 3 / 2 + 1) {
      slots.record(v);
      plain.record(v);
    }
    LatencyCounts compacted = new LatencyCounts();
    slots.addTo(compacted, true);
    plain.addTo(reference);
    slots.record(42);
    plain.record(42);
    LatencyCounts again = new LatencyCounts();
    slots.addTo(again, true);
    LatencyCounts referenceAgain = new LatencyCounts();
    plain.addTo(referenceAgain);
    for (double p : new double[] {0, 10, 50, 90, 99, 100}) {
      assertThat(compacted.valueAtPercentile(p)).isEqualTo(reference.valueAtPercentile(p));
      assertThat(again.valueAtPercentile(p)).isEqualTo(referenceAgain.valueAtPercentile(p));
    }
    assertThat(again.total()).isEqualTo(compacted.total() + 1);
  }
}
