package dev.backtrack.sdk.report;

import dev.backtrack.sdk.event.RequestEvent;
import dev.backtrack.sdk.event.SqlTiming;
import java.util.ArrayList;
import java.util.List;

/**
 * A request event kept in an {@link EventBuffer}'s arrays, as numbers and references in one
 * slot, instead of as an object: the layout of a slot, and a reusable view of one.
 *
 * <p>Most events fit ({@link #fits}): an id generated here, no chain, no outgoing call, no
 * error, at most {@value #STATEMENTS} slowest statements. The others stay objects.
 */
final class FlatEvent {
  /** Slowest statements a slot has room for. */
  static final int STATEMENTS = 3;
  /**
   * Numbers per slot: ts, id high bits, id low bits, status, duration, statement count,
   * statement time, slowest statements kept, then the time of each of those.
   */
  static final int NUMBERS = 8 + STATEMENTS;
  /** References per slot: method, route (never null), then the SQL of each slowest statement. */
  static final int REFS = 2 + STATEMENTS;

  private long[] numbers;
  private Object[] refs;
  private int n;
  private int r;

  /** Whether {@code e} can be kept flat without losing anything the wire protocol carries. */
  static boolean fits(RequestEvent e) {
    return e.hasIdBits() && e.parentId() == null && e.outCount() == 0 && e.error() == null
        && e.outgoing().isEmpty() && e.slowest().size() <= STATEMENTS
        && (e.correlationId() == null || e.correlationId().equals(e.requestId()));
  }

  /** Writes {@code e}, which {@link #fits}, into slot {@code slot} of the arrays. */
  static void store(RequestEvent e, long[] numbers, Object[] refs, int slot) {
    List<SqlTiming> slowest = e.slowest();
    store(numbers, refs, slot, e.tsMillis(), e.idHigh(), e.idLow(), e.method(), e.route(),
        e.status(), e.durationMicros(), e.dbCount(), e.dbMicros(),
        slowest.isEmpty() ? null : slowest.toArray(new SqlTiming[0]));
  }

  /**
   * Writes a request into slot {@code slot} of the arrays; its values are inside the protocol's
   * bounds already.
   *
   * @param slowest slowest first, null after the last (at most {@link #STATEMENTS} are kept),
   *     or null
   */
  static void store(long[] numbers, Object[] refs, int slot, long tsMillis, long idHigh,
      long idLow, String method, String route, int status, long durationMicros, int dbCount,
      long dbMicros, SqlTiming[] slowest) {
    int n = slot * NUMBERS;
    int r = slot * REFS;
    numbers[n] = tsMillis;
    numbers[n + 1] = idHigh;
    numbers[n + 2] = idLow;
    numbers[n + 3] = status;
    numbers[n + 4] = durationMicros;
    numbers[n + 5] = dbCount;
    refs[r] = method;
    refs[r + 1] = route;
    if (dbCount > 0) {
      int kept = 0;
      while (slowest != null && kept < Math.min(slowest.length, STATEMENTS)
          && slowest[kept] != null) {
        numbers[n + 8 + kept] = slowest[kept].micros();
        refs[r + 2 + kept] = slowest[kept].sql();
        kept++;
      }
      numbers[n + 6] = dbMicros;
      numbers[n + 7] = kept;
    }
  }

  /** Points this view at slot {@code slot} of the arrays. */
  void at(long[] numbers, Object[] refs, int slot) {
    this.numbers = numbers;
    this.refs = refs;
    this.n = slot * NUMBERS;
    this.r = slot * REFS;
  }

  long tsMillis() {
    return numbers[n];
  }

  long idHigh() {
    return numbers[n + 1];
  }

  long idLow() {
    return numbers[n + 2];
  }

  int status() {
    return (int) numbers[n + 3];
  }

  long durationMicros() {
    return numbers[n + 4];
  }

  String method() {
    return (String) refs[r];
  }

  String route() {
    return (String) refs[r + 1];
  }

  int dbCount() {
    return (int) numbers[n + 5];
  }

  /** The rest of the database part is only there when {@link #dbCount} is above 0. */
  long dbMicros() {
    return numbers[n + 6];
  }

  int statements() {
    return (int) numbers[n + 7];
  }

  String sql(int statement) {
    return (String) refs[r + 2 + statement];
  }

  long micros(int statement) {
    return numbers[n + 8 + statement];
  }

  /** The event as an object again. */
  RequestEvent toRequestEvent() {
    String id = String.format("%016x%016x", idHigh(), idLow());
    List<SqlTiming> slowest = new ArrayList<>();
    long dbMicros = 0;
    if (dbCount() > 0) {
      dbMicros = dbMicros();
      for (int i = 0; i < statements(); i++) {
        slowest.add(new SqlTiming(sql(i), micros(i)));
      }
    }
    return new RequestEvent(tsMillis(), id, id, null, method(), route(), status(),
        durationMicros(), dbCount(), dbMicros, slowest, 0, 0, null, List.of(), idHigh(),
        idLow());
  }
}
