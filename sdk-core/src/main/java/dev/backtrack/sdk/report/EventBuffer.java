package dev.backtrack.sdk.report;

import java.util.function.Consumer;

/**
 * A bounded FIFO of events that drops its oldest entry when full. Request threads only add; the
 * reporter's thread takes everything at once by swapping the array, so no request thread waits
 * while it works through thousands of events.
 */
final class EventBuffer {
  private final int capacity;
  /** A ring: the oldest item at {@code head}. Grows up to {@code capacity} as needed. */
  private Object[] ring;
  private Object[] spare;
  private int head;
  private int size;
  private long dropped;

  EventBuffer(int capacity) {
    this.capacity = capacity;
    this.ring = new Object[Math.min(capacity, 1024)];
  }

  /** Adds {@code item}, dropping the oldest when full. */
  synchronized void add(Object item) {
    if (size == ring.length) {
      if (ring.length < capacity) {
        grow();
      } else {
        ring[head] = item;
        head = next(head);
        dropped++;
        return;
      }
    }
    int at = head + size;
    ring[at < ring.length ? at : at - ring.length] = item;
    size++;
  }

  /**
   * Hands every buffered item to {@code sink}, oldest first, and leaves the buffer empty. The
   * items are handed over outside the lock. One caller at a time (the reporter's thread).
   *
   * @return how many items were handed over
   */
  int drain(Consumer<Object> sink) {
    Object[] taken;
    int from;
    int count;
    synchronized (this) {
      if (size == 0) {
        return 0;
      }
      taken = ring;
      from = head;
      count = size;
      ring = spare != null && spare.length == taken.length ? spare : new Object[taken.length];
      spare = null;
      head = 0;
      size = 0;
    }
    for (int i = 0, at = from; i < count; i++, at = at + 1 == taken.length ? 0 : at + 1) {
      Object item = taken[at];
      taken[at] = null;
      sink.accept(item);
    }
    synchronized (this) {
      if (ring.length == taken.length) {
        spare = taken;
      }
    }
    return count;
  }

  synchronized int size() {
    return size;
  }

  /** Items dropped because the buffer was full. */
  synchronized long dropped() {
    return dropped;
  }

  private int next(int index) {
    return index + 1 == ring.length ? 0 : index + 1;
  }

  private void grow() {
    Object[] bigger = new Object[(int) Math.min(capacity, 2L * ring.length)];
    for (int i = 0; i < size; i++) {
      bigger[i] = ring[(head + i) % ring.length];
    }
    ring = bigger;
    spare = null;
    head = 0;
  }
}
