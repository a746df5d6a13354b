package dev.backtrack.sdk.trace;

import dev.backtrack.sdk.event.ErrorInfo;
import dev.backtrack.sdk.event.OutgoingCall;
import dev.backtrack.sdk.event.RequestEvent;
import dev.backtrack.sdk.event.SqlTiming;
import dev.backtrack.sdk.event.Text;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What one request has done so far: its ids, its SQL statements and outgoing calls.
 *
 * <p>Recording methods may be called from any thread (async servlets, reactive clients); each
 * holds the context's monitor for a few field updates only, never across I/O.
 */
public final class RequestContext {
  /** Slowest distinct statements kept per request. */
  public static final int SLOWEST_KEPT = 3;
  /** Outgoing calls kept per request for the batch; the counters count all of them. */
  public static final int OUTGOING_KEPT = 64;

  private final long startMillis;
  private final long startNanos;
  private final String method;
  /**
   * The incoming request id; for one generated here, its hex, written on first use: most
   * requests are reported from {@link #idHigh} and {@link #idLow} and never need the string.
   */
  private String requestId;
  /** The bits of a request id generated here, else 0 and 0: see {@link RequestEvent}. */
  private final long idHigh;
  private final long idLow;
  /** The incoming correlation id; null when the request starts a chain of its own. */
  private final String correlationId;
  private final String parentId;

  private int dbCount;
  private long dbMicros;
  /** Slowest first; created with the first statement, as most requests run none. */
  private SqlTiming[] slowest;
  private int outCount;
  private long outMicros;
  private List<OutgoingCall> outgoing;
  /** Named by the application; wins over the route its integration finds. */
  private volatile String route;
  private boolean finished;

  private RequestContext(String method, TraceHeaders incoming) {
    this.startNanos = System.nanoTime();
    this.startMillis = WallClock.millisAt(startNanos);
    // bounded now, while the server has just read the method: the request's end needs no check
    this.method = Text.method(method);
    if (incoming.requestId() != null) {
      this.requestId = incoming.requestId();
      this.idHigh = 0;
      this.idLow = 0;
    } else {
      long high = Ids.randomHalf();
      long low = Ids.randomHalf();
      if (high == 0 && low == 0) {
        low = 1;
      }
      this.idHigh = high;
      this.idLow = low;
    }
    this.correlationId = incoming.correlationId();
    this.parentId = incoming.parentId();
  }

  /**
   * Starts a request: takes the incoming ids and creates what is missing (a new request id; the
   * correlation id defaults to the request id). Counts the request as in flight until
   * {@link #finish}.
   *
   * @param method the HTTP method
   * @param incoming the ids from the request's headers, or {@link TraceHeaders#NONE}
   */
  public static RequestContext begin(String method, TraceHeaders incoming) {
    RequestContext ctx = new RequestContext(method,
        incoming == null ? TraceHeaders.NONE : incoming);
    InFlight.begin();
    return ctx;
  }

  /** The context of the request running here (see {@link ContextStorage}), or null. */
  public static RequestContext current() {
    return ContextStorage.current();
  }

  /** Requests begun and not yet finished in this process. */
  public static long inFlight() {
    return InFlight.sum();
  }

  public String requestId() {
    String id = requestId;
    if (id == null) {
      // racing threads write equal strings, and a String is safe to publish without a lock
      id = Ids.hex(idHigh, idLow);
      requestId = id;
    }
    return id;
  }

  /** The request id as ASCII bytes (a new array): the hex of the bits without a string. */
  public byte[] requestIdAscii() {
    String id = requestId;
    return id == null ? Ids.hexBytes(idHigh, idLow)
        : id.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The id shared by every hop of the chain: the incoming one, else this request's own. */
  public String correlationId() {
    return correlationId != null ? correlationId : requestId();
  }

  /** Whether the request came as part of a chain another service started. */
  public boolean continuesChain() {
    return correlationId != null && !correlationId.equals(requestId());
  }

  /** The caller's request id, or null. */
  public String parentId() {
    return parentId;
  }

  /** The HTTP method, upper-cased; {@code OTHER} for one the protocol does not take. */
  public String method() {
    return method;
  }

  /** Request start, milliseconds since the epoch. */
  public long startMillis() {
    return startMillis;
  }

  /** The route template the application named (see {@link #route(String)}), else null. */
  public String route() {
    return route;
  }

  /**
   * Names this request's route template, in the protocol's canonical form
   * ({@code /users/{id}}). It wins over the route the integration finds when the request ends;
   * null leaves the route to the integration again.
   */
  public void route(String routeTemplate) {
    this.route = routeTemplate;
  }

  /**
   * Counts one executed SQL statement.
   *
   * @param normalizedSql the statement's template ({@code SqlNormalizer.normalize})
   * @param micros its execution time in microseconds
   */
  public synchronized void recordQuery(String normalizedSql, long micros) {
    dbCount++;
    dbMicros += Math.max(0, micros);
    keepIfSlow(normalizedSql == null ? "" : normalizedSql, micros);
  }

  /** Counts SQL statements executed together (a JDBC batch) as {@code count} statements. */
  public synchronized void recordQueries(String normalizedSql, int count, long micros) {
    dbCount += Math.max(0, count);
    dbMicros += Math.max(0, micros);
    keepIfSlow(normalizedSql == null ? "" : normalizedSql, micros);
  }

  private void keepIfSlow(String sql, long micros) {
    if (slowest == null) {
      slowest = new SqlTiming[SLOWEST_KEPT];
    }
    for (int i = 0; i < SLOWEST_KEPT; i++) {
      SqlTiming t = slowest[i];
      if (t != null && (t.sql() == sql || t.sql().equals(sql))) {
        if (micros > t.micros()) {
          slowest[i] = new SqlTiming(sql, micros);
          sortSlowest();
        }
        return;
      }
    }
    int last = SLOWEST_KEPT - 1;
    if (slowest[last] == null || slowest[last].micros() < micros) {
      slowest[last] = new SqlTiming(sql, micros);
      sortSlowest();
    }
  }

  private void sortSlowest() {
    for (int i = SLOWEST_KEPT - 1; i > 0; i--) {
      SqlTiming a = slowest[i - 1];
      SqlTiming b = slowest[i];
      if (b != null && (a == null || a.micros() < b.micros())) {
        slowest[i - 1] = b;
        slowest[i] = a;
      }
    }
  }

  /**
   * Counts one outgoing HTTP call and keeps it for the batch's {@code outgoing} list; it is sent
   * with this request's event (so that it carries the route, known only at the end).
   *
   * @param host {@code host} or {@code host:port}
   * @param method the call's HTTP method
   * @param status the response status, 0 when none arrived
   * @param micros the call's duration in microseconds
   * @param error whether the call failed
   */
  public synchronized void recordOutgoing(String host, String method, int status, long micros,
      boolean error) {
    outCount++;
    outMicros += Math.max(0, micros);
    if (outgoing == null) {
      outgoing = new ArrayList<>(4);
    }
    if (outgoing.size() < OUTGOING_KEPT) {
      long ts = System.currentTimeMillis() - micros / 1000;
      outgoing.add(new OutgoingCall(ts, requestId(), null, method, host, status, micros, error));
    }
  }

  /** Statements counted so far. */
  public synchronized int dbCount() {
    return dbCount;
  }

  /** Outgoing calls counted so far. */
  public synchronized int outCount() {
    return outCount;
  }

  /**
   * Ends the request and describes it. Only the first call ends it; later calls describe it again
   * without counting it out of flight twice.
   *
   * @param routeTemplate the route template the integration found, in canonical form, or null
   *     for none ({@code <unmatched>}); a route the application named wins over it
   * @param status the HTTP status
   * @param error the exception the request ended with, or null
   */
  public RequestEvent finish(String routeTemplate, int status, Throwable error) {
    long durationMicros = (System.nanoTime() - startNanos) / 1000;
    ErrorInfo errorInfo = error == null ? null : ErrorInfo.of(error);
    synchronized (this) {
      String r = end(routeTemplate);
      List<OutgoingCall> calls = List.of();
      if (outgoing != null) {
        OutgoingCall[] withRoute = new OutgoingCall[outgoing.size()];
        for (int i = 0; i < withRoute.length; i++) {
          withRoute[i] = outgoing.get(i).withRequest(requestId(), r);
        }
        calls = Arrays.asList(withRoute);
      }
      List<SqlTiming> slow = List.of();
      if (slowest != null) {
        slow = new ArrayList<>(SLOWEST_KEPT);
        for (SqlTiming t : slowest) {
          if (t != null) {
            slow.add(t);
          }
        }
      }
      return new RequestEvent(startMillis, requestId(), correlationId(), parentId, method, r,
          status, durationMicros, dbCount, dbMicros, slow, outCount, outMicros, errorInfo,
          calls, idHigh, idLow);
    }
  }

  /** Takes the figures of a plain request that {@link #finishPlain} ends. */
  public interface PlainSink {
    /**
     * Called while the request's monitor is held: copy, never call back into the request.
     *
     * @param method as {@link #method()} has it: within the protocol's bounds already
     * @param slowest the slowest statements, slowest first, null after the last; null when no
     *     statement ran; valid during this call only
     */
    void accept(long startMillis, long idHigh, long idLow, String method, String route,
        int status, long durationMicros, int dbCount, long dbMicros, SqlTiming[] slowest);
  }

  /**
   * Ends a plain request (its id generated here, no caller, no chain of another service, no
   * outgoing call) as {@link #finish} does, handing its figures to {@code sink} instead of
   * building an event: a reporter that keeps such requests in arrays has no use for the object,
   * nor for the id's string.
   *
   * @param routeTemplate as for {@link #finish}
   * @return false, having ended nothing, when the request is not plain
   */
  public boolean finishPlain(String routeTemplate, int status, PlainSink sink) {
    long durationMicros = (System.nanoTime() - startNanos) / 1000;
    synchronized (this) {
      if ((idHigh | idLow) == 0 || parentId != null || correlationId != null || outCount > 0) {
        return false;
      }
      sink.accept(startMillis, idHigh, idLow, method, end(routeTemplate), status,
          durationMicros, dbCount, dbMicros, slowest);
      return true;
    }
  }

  /**
   * Counts the request out of flight the first time; the route it is reported under. Called
   * with the monitor held.
   */
  private String end(String routeTemplate) {
    if (!finished) {
      finished = true;
      InFlight.end();
    }
    String named = route;
    if (named != null) {
      return named;
    }
    return Objects.requireNonNullElse(routeTemplate, "<unmatched>");
  }
}
