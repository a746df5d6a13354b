package dev.backtrack.sdk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBufferTest {

  @Test
  void dropsOldestEventsWhenBufferIsFull() {
    EventBuffer buffer = new EventBuffer(3);
    for (int i = 1; i <= 5; i++) {
      buffer.add(i);
    }
    assertThat(buffer.dropped()).isEqualTo(2);
    List<Object> out = new ArrayList<>();
    assertThat(buffer.drainTo(out, 10)).isEqualTo(3);
    assertThat(out).containsExactly(3, 4, 5);
    assertThat(buffer.size()).isZero();
  }

  @Test
  void drainsAtMostTheAskedNumberOldestFirst() {
    EventBuffer buffer = new EventBuffer(10);
    for (int i = 1; i <= 5; i++) {
      buffer.add(i);
    }
    List<Object> out = new ArrayList<>();
    buffer.drainTo(out, 2);
    assertThat(out).containsExactly(1, 2);
    assertThat(buffer.size()).isEqualTo(3);
  }
}
