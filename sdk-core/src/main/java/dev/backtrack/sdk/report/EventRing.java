package dev.backtrack.sdk.report;

import dev.backtrack.sdk.event.RequestEvent;
import dev.backtrack.sdk.event.SqlTiming;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One stripe of an {@link EventBuffer}: the items of the threads that map to it, oldest first,
 * in a ring of slots that grows as needed up to the buffer's capacity and shrinks again when
 * drains find it mostly empty, so that the rings together stay near what they hold. Adding and
 * taking lock the ring itself; the buffer's bound is kept with the count of held items that its
 * rings share, which an item dropped to make room for another leaves as it is.
 */
class EventRing {
  private static final int NUMBERS = FlatEvent.NUMBERS;
  private static final int REFS = FlatEvent.REFS;

  private final int capacity;
  private final int initialSlots;
  /** Items held by all rings of the buffer. */
  private final AtomicInteger held;
  /** The oldest slot at {@code head}. */
  private long[] numbers;
  private Object[] refs;
  private int slots;
  private long[] spareNumbers;
  private Object[] spareRefs;
  private int head;
  private int size;
  /** Items this ring dropped to make room, for its own items or another ring's. */
  private long dropped;

  EventRing(int capacity, int initialSlots, AtomicInteger held) {
    this.capacity = capacity;
    this.initialSlots = Math.min(capacity, initialSlots);
    this.held = held;
    allocate(this.initialSlots);
  }

  /**
   * Adds a request event that {@link FlatEvent#fits}.
   *
   * @param full whether the buffer was full as it arrived (and the item was not counted in):
   *     the ring's oldest item makes room
   * @return whether room is still to be made: the buffer was full and this ring had nothing to
   *     drop, so the item was counted in here
   */
  synchronized boolean addFlat(RequestEvent e, boolean full) {
    boolean roomElsewhere = full && size == 0;
    int slot = claim(full); // first: it may replace the arrays
    FlatEvent.store(e, numbers, refs, slot);
    return roomElsewhere;
  }

  /** As {@link #addFlat(RequestEvent, boolean)}, for a request without an event object. */
  synchronized boolean addFlat(boolean full, long startMillis, long idHigh, long idLow,
      String method, String route, int status, long durationMicros, int dbCount, long dbMicros,
      SqlTiming[] slowest) {
    boolean roomElsewhere = full && size == 0;
    int slot = claim(full);
    FlatEvent.store(numbers, refs, slot, startMillis, idHigh, idLow, method, route, status,
        durationMicros, dbCount, dbMicros, slowest);
    return roomElsewhere;
  }

  /**
   * As {@link #addFlat(RequestEvent, boolean)}, for any other item: kept whole in the slot's
   * first reference, its second left null.
   */
  synchronized boolean addItem(Object item, boolean full) {
    boolean roomElsewhere = full && size == 0;
    int slot = claim(full);
    refs[slot * REFS] = item;
    refs[slot * REFS + 1] = null;
    return roomElsewhere;
  }

  /** The slot for a new item, after the oldest made room for it when the buffer is full. */
  private int claim(boolean full) {
    if (size > 0 && (full || size == capacity)) {
      removeOldest();
      if (!full) {
        held.decrementAndGet(); // counted in, yet one too many for this ring
      }
    } else if (full) {
      held.incrementAndGet(); // nothing here to drop: the caller makes room in another ring
    }
    if (size == slots) {
      grow();
    }
    int at = head + size;
    size++;
    return at < slots ? at : at - slots;
  }

  private void removeOldest() {
    Arrays.fill(refs, head * REFS, head * REFS + REFS, null);
    head = head + 1 == slots ? 0 : head + 1;
    size--;
    dropped++;
  }

  /**
   * Drops this ring's oldest item to make room for one added to another ring.
   *
   * @return whether there was one
   */
  synchronized boolean dropOldest() {
    if (size == 0) {
      return false;
    }
    removeOldest();
    held.decrementAndGet();
    return true;
  }

  /** Items this ring dropped to make room. */
  synchronized long dropped() {
    return dropped;
  }

  /**
   * Hands every item to {@code sink}, oldest first, outside the lock, and leaves the ring
   * empty. One caller at a time (the reporter's thread).
   *
   * @return how many items were handed over
   */
  int drain(EventBuffer.Sink sink, FlatEvent view) {
    long[] takenNumbers;
    Object[] takenRefs;
    int takenSlots;
    int from;
    int count;
    synchronized (this) {
      if (size == 0) {
        if (slots > initialSlots) {
          allocate(Math.max(initialSlots, slots / 2)); // its threads went quiet
          spareNumbers = null;
          spareRefs = null;
          head = 0; // items dropped for other rings may have left it anywhere
        }
        return 0;
      }
      takenNumbers = numbers;
      takenRefs = refs;
      takenSlots = slots;
      from = head;
      count = size;
      if (slots > initialSlots && size * 4 <= slots) {
        // a burst made the ring grow; after it, a smaller one will do
        allocate(Math.max(initialSlots, slots / 2));
      } else if (spareRefs != null && spareRefs.length == refs.length) {
        numbers = spareNumbers;
        refs = spareRefs;
      } else {
        allocate(slots);
      }
      spareNumbers = null;
      spareRefs = null;
      head = 0;
      size = 0;
    }
    held.addAndGet(-count);
    for (int i = 0, slot = from; i < count; i++, slot = slot + 1 == takenSlots ? 0 : slot + 1) {
      int r = slot * REFS;
      if (takenRefs[r + 1] == null) {
        sink.item(takenRefs[r]);
      } else {
        view.at(takenNumbers, takenRefs, slot);
        sink.event(view);
      }
      Arrays.fill(takenRefs, r, r + REFS, null);
    }
    synchronized (this) {
      if (slots == takenSlots) {
        spareNumbers = takenNumbers;
        spareRefs = takenRefs;
      }
    }
    return count;
  }

  /** Slots the ring has room for now. */
  synchronized int slots() {
    return slots;
  }

  private void allocate(int newSlots) {
    numbers = new long[newSlots * NUMBERS];
    refs = new Object[newSlots * REFS];
    slots = newSlots;
  }

  private void grow() {
    long[] oldNumbers = numbers;
    Object[] oldRefs = refs;
    int oldSlots = slots;
    allocate((int) Math.min(capacity, 2L * oldSlots));
    for (int i = 0; i < size; i++) {
      int from = (head + i) % oldSlots;
      System.arraycopy(oldNumbers, from * NUMBERS, numbers, i * NUMBERS, NUMBERS);
      System.arraycopy(oldRefs, from * REFS, refs, i * REFS, REFS);
    }
    spareNumbers = null;
    spareRefs = null;
    head = 0;
  }
}
