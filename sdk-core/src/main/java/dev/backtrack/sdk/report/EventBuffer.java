package dev.backtrack.sdk.report;

import dev.backtrack.sdk.event.RequestEvent;
import dev.backtrack.sdk.event.SqlTiming;
import dev.backtrack.sdk.event.Text;
import dev.backtrack.sdk.trace.RequestContext;
import java.util.Arrays;

/**
 * A bounded FIFO of recorded items that drops its oldest entry when full. Request threads only
 * add; the reporter's thread takes everything at once by swapping the arrays, so no request
 * thread waits while it works through thousands of items.
 *
 * <p>A request event that {@link FlatEvent#fits}, as most do, is copied into the buffer's own
 * arrays while the request thread still has it in cache; the event object itself then dies
 * young. The reporter reads those arrays front to back, which the processor can fetch ahead,
 * instead of chasing event objects that other threads allocated all over the heap: reading
 * those was most of what encoding cost. Other items are kept as they are, in the slot's first
 * reference, its second left null.
 */
final class EventBuffer implements RequestContext.PlainSink {
  private static final int NUMBERS = FlatEvent.NUMBERS;
  private static final int REFS = FlatEvent.REFS;

  /** Receives what {@link #drain} takes out, oldest first. */
  interface Sink {
    /** Any item that is not kept flat. */
    void item(Object item);

    /**
     * A request event kept flat, valid during this call only; by default rebuilt and passed to
     * {@link #item}.
     */
    default void event(FlatEvent event) {
      item(event.toRequestEvent());
    }
  }

  /** The reporter's view of the slot being handed over. */
  private final FlatEvent view = new FlatEvent();
  private final int capacity;
  /** A ring of slots: the oldest at {@code head}. Grows up to {@code capacity} as needed. */
  private long[] numbers;
  private Object[] refs;
  private int slots;
  private long[] spareNumbers;
  private Object[] spareRefs;
  private int head;
  private int size;
  private long dropped;

  EventBuffer(int capacity) {
    this.capacity = capacity;
    allocate(Math.min(capacity, 1024));
  }

  /** Adds {@code item}, dropping the oldest when full. */
  void add(Object item) {
    if (item instanceof RequestEvent e && FlatEvent.fits(e)) {
      addFlat(e);
    } else {
      addItem(item);
    }
  }

  private synchronized void addFlat(RequestEvent e) {
    int slot = claim(); // first: it may replace the arrays
    FlatEvent.store(e, numbers, refs, slot);
  }

  /**
   * Adds a plain request that {@link RequestContext#finishPlain} ends, bounded as a
   * {@link RequestEvent} would bound it, and without one.
   */
  @Override
  public void accept(long startMillis, long idHigh, long idLow, String method, String route,
      int status, long durationMicros, int dbCount, long dbMicros, SqlTiming[] slowest) {
    addFlat(startMillis, idHigh, idLow, Text.method(method), Text.route(route),
        (int) Text.clamp(status, 100, 599),
        Text.clamp(durationMicros, 0, RequestEvent.MAX_DURATION_MICROS), Math.max(0, dbCount),
        Math.max(0, dbMicros), slowest);
  }

  private synchronized void addFlat(long startMillis, long idHigh, long idLow, String method,
      String route, int status, long durationMicros, int dbCount, long dbMicros,
      SqlTiming[] slowest) {
    int slot = claim();
    FlatEvent.store(numbers, refs, slot, startMillis, idHigh, idLow, method, route, status,
        durationMicros, dbCount, dbMicros, slowest);
  }

  private synchronized void addItem(Object item) {
    int slot = claim();
    refs[slot * REFS] = item;
    refs[slot * REFS + 1] = null;
  }

  /** The slot for a new item: the next free one, or the oldest, which is then dropped. */
  private int claim() {
    if (size == slots) {
      if (slots < capacity) {
        grow();
      } else {
        int oldest = head;
        head = head + 1 == slots ? 0 : head + 1;
        dropped++;
        return oldest;
      }
    }
    int at = head + size;
    size++;
    return at < slots ? at : at - slots;
  }

  /**
   * Hands every buffered item to {@code sink}, oldest first, and leaves the buffer empty. The
   * items are handed over outside the lock. One caller at a time (the reporter's thread).
   *
   * @return how many items were handed over
   */
  int drain(Sink sink) {
    long[] takenNumbers;
    Object[] takenRefs;
    int takenSlots;
    int from;
    int count;
    synchronized (this) {
      if (size == 0) {
        return 0;
      }
      takenNumbers = numbers;
      takenRefs = refs;
      takenSlots = slots;
      from = head;
      count = size;
      if (spareRefs != null && spareRefs.length == refs.length) {
        numbers = spareNumbers;
        refs = spareRefs;
      } else {
        numbers = new long[slots * NUMBERS];
        refs = new Object[slots * REFS];
      }
      spareNumbers = null;
      spareRefs = null;
      head = 0;
      size = 0;
    }
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

  synchronized int size() {
    return size;
  }

  /** Items dropped because the buffer was full. */
  synchronized long dropped() {
    return dropped;
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
