package dev.backtrack.sdk.report;

import java.util.ArrayDeque;
import java.util.List;

/**
 * A bounded FIFO of events that drops its oldest entry when full. The critical section is a few
 * field updates; nothing blocks while holding it.
 */
final class EventBuffer {
  private final int capacity;
  private final ArrayDeque<Object> items;
  private long dropped;

  EventBuffer(int capacity) {
    this.capacity = capacity;
    this.items = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  /** Adds {@code item}, dropping the oldest when full. */
  synchronized void add(Object item) {
    if (items.size() >= capacity) {
      items.pollFirst();
      dropped++;
    }
    items.addLast(item);
  }

  /** Moves up to {@code max} of the oldest items into {@code into}; returns how many. */
  synchronized int drainTo(List<Object> into, int max) {
    int n = 0;
    while (n < max && !items.isEmpty()) {
      into.add(items.pollFirst());
      n++;
    }
    return n;
  }

  synchronized int size() {
    return items.size();
  }

  /** Items dropped because the buffer was full. */
  synchronized long dropped() {
    return dropped;
  }
}
