package dev.backtrack.sdk.report;

import dev.backtrack.sdk.event.RequestEvent;
import dev.backtrack.sdk.event.SqlTiming;
import dev.backtrack.sdk.event.Text;
import dev.backtrack.sdk.trace.RequestContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded buffer of recorded items that drops the oldest when full. Request threads only
 * add; the reporter's thread takes everything at once by swapping arrays, so no request thread
 * waits while it works through thousands of items.
 *
 * <p>The items are spread over a few {@link EventRing rings} by the adding thread, each with a
 * lock of its own: threads that run at the same time rarely meet on one lock or one cache line.
 * Each ring keeps its items oldest first and may grow to the whole capacity, so one busy thread
 * can use all of it; a shared count keeps the bound, and when it is reached an item makes room
 * by dropping the oldest of its own ring (of another one when its ring is empty).
 *
 * <p>A request event that {@link FlatEvent#fits}, as most do, is copied into a ring's own
 * arrays while the request thread still has it in cache; the event object itself then dies
 * young. The reporter reads those arrays front to back, which the processor can fetch ahead,
 * instead of chasing event objects that other threads allocated all over the heap: reading
 * those was most of what encoding cost. Other items are kept as they are.
 */
final class EventBuffer implements RequestContext.PlainSink {
  /** Receives what {@link #drain} takes out, oldest first within each ring. */
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

  /** Rings per processor: few enough to stay small, enough that running threads rarely meet. */
  private static final int RINGS_PER_PROCESSOR = 2;
  private static final int MAX_RINGS = 32;

  /** The reporter's view of the slot being handed over. */
  private final FlatEvent view = new FlatEvent();
  private final int capacity;
  /**
   * Items held by the rings together. Counted in only while the buffer is not full, so that a
   * full buffer's threads only read it; threads arriving at the same moment may take it a few
   * items past the capacity.
   */
  private final AtomicInteger held = new AtomicInteger();
  private final EventRing[] rings;

  EventBuffer(int capacity) {
    this(capacity, Runtime.getRuntime().availableProcessors() * RINGS_PER_PROCESSOR);
  }

  /** A buffer of at most {@code capacity} items in about {@code rings} rings. */
  EventBuffer(int capacity, int rings) {
    this.capacity = capacity;
    int count = Math.min(MAX_RINGS, Integer.highestOneBit(Math.max(1, rings)));
    this.rings = new EventRing[count];
    int initialSlots = Math.max(64, 1024 / count);
    for (int i = 0; i < count; i++) {
      this.rings[i] = new PaddedRing(capacity, initialSlots, held);
    }
  }

  /** The calling thread's ring. */
  private EventRing ring() {
    return rings[(int) Thread.currentThread().getId() & (rings.length - 1)];
  }

  /** Adds {@code item}, dropping the oldest when full. */
  void add(Object item) {
    EventRing ring = ring();
    boolean full = arrives();
    boolean roomElsewhere = item instanceof RequestEvent e && FlatEvent.fits(e)
        ? ring.addFlat(e, full) : ring.addItem(item, full);
    if (roomElsewhere) {
      makeRoom(ring);
    }
  }

  /**
   * Adds a plain request that {@link RequestContext#finishPlain} ends, bounded as a
   * {@link RequestEvent} would bound it, and without one.
   */
  @Override
  public void accept(long startMillis, long idHigh, long idLow, String method, String route,
      int status, long durationMicros, int dbCount, long dbMicros, SqlTiming[] slowest) {
    EventRing ring = ring();
    boolean full = arrives();
    if (ring.addFlat(full, startMillis, idHigh, idLow, method, Text.route(route),
        (int) Text.clamp(status, 100, 599),
        Text.clamp(durationMicros, 0, RequestEvent.MAX_DURATION_MICROS), Math.max(0, dbCount),
        Math.max(0, dbMicros), slowest)) {
      makeRoom(ring);
    }
  }

  /** Counts an item in, unless the buffer is full: whether it is. */
  private boolean arrives() {
    if (held.get() >= capacity) {
      return true;
    }
    held.getAndIncrement();
    return false;
  }

  /** Drops the oldest item of another ring than {@code added}'s, which had none to drop. */
  private void makeRoom(EventRing added) {
    for (EventRing ring : rings) {
      if (ring != added && ring.dropOldest()) {
        return;
      }
    }
  }

  /**
   * Hands every buffered item to {@code sink}, ring by ring, and leaves the buffer empty. The
   * items are handed over outside the locks. One caller at a time (the reporter's thread).
   *
   * @return how many items were handed over
   */
  int drain(Sink sink) {
    int count = 0;
    for (EventRing ring : rings) {
      count += ring.drain(sink, view);
    }
    return count;
  }

  /** Items held, counting those being added right now. */
  int size() {
    return held.get();
  }

  /** Slots the rings have room for together: what their arrays take, in slots. */
  int slots() {
    int slots = 0;
    for (EventRing ring : rings) {
      slots += ring.slots();
    }
    return slots;
  }

  /** Items dropped because the buffer was full. */
  long dropped() {
    long dropped = 0;
    for (EventRing ring : rings) {
      dropped += ring.dropped();
    }
    return dropped;
  }

  /**
   * A ring followed by a cache line of nothing, so that the next ring's lock and fields, often
   * allocated right after it, are not on a line this one's threads keep writing.
   */
  @SuppressWarnings("unused")
  private static final class PaddedRing extends EventRing {
    private long p1;
    private long p2;
    private long p3;
    private long p4;
    private long p5;
    private long p6;
    private long p7;
    private long p8;

    PaddedRing(int capacity, int initialSlots, AtomicInteger held) {
      super(capacity, initialSlots, held);
    }
  }
}
