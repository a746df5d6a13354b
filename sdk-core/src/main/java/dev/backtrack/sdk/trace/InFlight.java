package dev.backtrack.sdk.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counts requests in flight. One counter, even a {@code LongAdder} with its few cells, is a
 * cache line that every request thread writes twice per request, so on a machine with several
 * cores it keeps moving from core to core (a profile of a servlet app under load found the
 * adder's decrement among the filter's larger costs). Here a thread counts in a slot picked by
 * its id, a cache line apart from the others, which mostly no other thread touches; the
 * heartbeat sums the slots once in a while. A request may begin on one thread and end on
 * another: the sum is right all the same.
 */
final class InFlight {
  private static final int SLOTS = 128;
  /** Longs from one slot to the next: 128 bytes, past the line the processor fetches along. */
  private static final int SPACING = 16;
  private static final long[] COUNTS = new long[SLOTS * SPACING];
  private static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(long[].class);

  private InFlight() {}

  static void begin() {
    COUNT.getAndAdd(COUNTS, slot(), 1L);
  }

  static void end() {
    COUNT.getAndAdd(COUNTS, slot(), -1L);
  }

  static long sum() {
    long sum = 0;
    for (int i = 0; i < SLOTS; i++) {
      sum += (long) COUNT.getVolatile(COUNTS, i * SPACING);
    }
    return sum;
  }

  /** The calling thread's slot: its id's top bits after a multiplicative hash. */
  @SuppressWarnings("deprecation") // Thread.threadId() arrived after the JDK we build for
  private static int slot() {
    long id = Thread.currentThread().getId();
    return (int) ((id * 0x9E3779B97F4A7C15L) >>> 57) * SPACING;
  }
}
