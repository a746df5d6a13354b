package dev.backtrack.sdk.report;

import dev.backtrack.sdk.event.ErrorInfo;
import dev.backtrack.sdk.event.Heartbeat;
import dev.backtrack.sdk.event.OutgoingCall;
import dev.backtrack.sdk.event.RequestEvent;
import dev.backtrack.sdk.event.SqlTiming;
import dev.backtrack.sdk.json.JsonWriter;
import dev.backtrack.sdk.json.JsonWriter.Name;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Encodes batches as the wire protocol v1 describes them, one item at a time: the reporter adds
 * events soon after they are recorded, so that they die young instead of waiting a whole flush
 * interval on the heap, and the batch is put together when it is sent. Not thread-safe; used on
 * the reporter's thread.
 */
public final class BatchEncoder {
  // names escaped once, not for every event
  private static final Name BATCH_ID = Name.of("batch_id");
  private static final Name CORRELATION_ID = Name.of("correlation_id");
  private static final Name COUNT = Name.of("count");
  private static final Name CPU_PCT = Name.of("cpu_pct");
  private static final Name DB = Name.of("db");
  private static final Name DROPPED = Name.of("dropped");
  private static final Name DURATION_US = Name.of("duration_us");
  private static final Name ERROR = Name.of("error");
  private static final Name EVENTS = Name.of("events");
  private static final Name FINGERPRINT = Name.of("fingerprint");
  private static final Name HEARTBEAT = Name.of("heartbeat");
  private static final Name HOST = Name.of("host");
  private static final Name IN_FLIGHT = Name.of("in_flight");
  private static final Name INSTANCE = Name.of("instance");
  private static final Name MESSAGE = Name.of("message");
  private static final Name METHOD = Name.of("method");
  private static final Name OUT = Name.of("out");
  private static final Name OUTGOING = Name.of("outgoing");
  private static final Name PARENT_ID = Name.of("parent_id");
  private static final Name PID = Name.of("pid");
  private static final Name REQUEST_ID = Name.of("request_id");
  private static final Name ROUTE = Name.of("route");
  private static final Name RSS_BYTES = Name.of("rss_bytes");
  private static final Name SDK = Name.of("sdk");
  private static final Name SERVICE = Name.of("service");
  private static final Name SLOWEST = Name.of("slowest");
  private static final Name SQL = Name.of("sql");
  private static final Name STACK = Name.of("stack");
  private static final Name STATUS = Name.of("status");
  private static final Name TS = Name.of("ts");
  private static final Name TYPE = Name.of("type");
  private static final Name US = Name.of("us");
  private static final Name V = Name.of("v");
  /** A batch buffer grown past this for one outsized batch is not kept for the next. */
  private static final int KEPT_BATCH_BYTES = 4 << 20;

  /** The events array so far, open. Kept across batches: its buffer is reused. */
  private final JsonWriter events = new JsonWriter(16 * 1024);
  /** The outgoing array so far, open; written after the events, as the protocol has it. */
  private final JsonWriter outgoing = new JsonWriter(1024);
  /** What comes before the events in a batch, and what after them; both small. */
  private final JsonWriter head = new JsonWriter(512);
  private final JsonWriter tail = new JsonWriter(512);
  /** The last batch put together, from index 0; reused for the next unless it was outsized. */
  private byte[] batch = new byte[16 * 1024];
  private int items;
  private int calls;

  /** Where a batch comes from. */
  public record Instance(String service, String host, long pid, String sdk) {}

  public BatchEncoder() {
    reset();
  }

  /**
   * Encodes one whole batch.
   *
   * @param items {@link RequestEvent}s and {@link OutgoingCall}s in the order recorded
   * @param heartbeat the heartbeat to include, or null
   */
  public static byte[] encode(String batchId, Instance instance, List<?> items,
      Heartbeat heartbeat) {
    BatchEncoder encoder = new BatchEncoder();
    for (Object item : items) {
      encoder.add(item);
    }
    return encoder.finish(batchId, instance, heartbeat);
  }

  /**
   * Adds a {@link RequestEvent} (with the outgoing calls it carries) or a loose
   * {@link OutgoingCall}; anything else is ignored.
   */
  public void add(Object item) {
    if (item instanceof RequestEvent e) {
      writeEvent(events, e);
      items++;
      for (OutgoingCall c : e.outgoing()) {
        addCall(c);
      }
    } else if (item instanceof OutgoingCall c) {
      addCall(c);
    }
  }

  /** Adds a request event kept flat in the reporter's buffer. */
  void add(FlatEvent e) {
    JsonWriter w = events;
    w.beginObject();
    w.name(TS).value(e.tsMillis());
    w.name(REQUEST_ID).hexValue(e.idHigh(), e.idLow());
    writeOutcome(w, e.method(), e.route(), e.status(), e.durationMicros());
    if (e.dbCount() > 0) {
      writeDbStart(w, e.dbCount(), e.dbMicros());
      for (int i = 0; i < e.statements(); i++) {
        writeStatement(w, e.sql(i), e.micros(i));
      }
      writeDbEnd(w);
    }
    w.endObject();
    items++;
  }

  private void addCall(OutgoingCall c) {
    writeOutgoing(outgoing, c);
    items++;
    calls++;
  }

  /** Events and outgoing calls added since the last batch, as the batch size limit counts. */
  public int items() {
    return items;
  }

  /** Bytes encoded since the last batch. */
  public long bytes() {
    return (long) events.size() + outgoing.size();
  }

  /** The batch holding what was added, as UTF-8 JSON; the encoder starts over empty. */
  public byte[] finish(String batchId, Instance instance, Heartbeat heartbeat) {
    return Arrays.copyOf(batch, finishInPlace(batchId, instance, heartbeat));
  }

  /**
   * As {@link #finish}, leaving the batch in {@link #batch()}, a buffer reused for the next
   * one: a batch delivered at once needs no array of its own.
   *
   * @return the batch's length in bytes
   */
  int finishInPlace(String batchId, Instance instance, Heartbeat heartbeat) {
    events.endArray();
    outgoing.endArray();
    // The envelope before and after the events is written on its own, and the parts are
    // copied once into the batch. Copying the events into a whole second writer first moved
    // each batch through the processor's caches twice more, and under load that cost the
    // application's threads, which share those caches, more than the encoding itself.
    JsonWriter head = this.head;
    head.reset();
    head.beginObject();
    head.name(V).value(1);
    head.name(BATCH_ID).value(batchId);
    head.name(SERVICE).value(instance.service());
    head.name(INSTANCE).beginObject()
        .name(HOST).value(instance.host())
        .name(PID).value(instance.pid())
        .name(SDK).value(instance.sdk())
        .endObject();
    head.name(EVENTS);
    JsonWriter tail = this.tail;
    tail.reset();
    tail.beginObject();
    if (calls > 0) {
      tail.name(OUTGOING).raw(outgoing);
    }
    if (heartbeat != null) {
      tail.name(HEARTBEAT);
      writeHeartbeat(tail, heartbeat);
    }
    tail.endObject();
    // the tail as written is "{...}": its members follow the events after a comma
    boolean members = tail.size() > 2;
    int length = head.size() + events.size() + (members ? tail.size() : 1);
    if (batch.length < length || batch.length > KEPT_BATCH_BYTES && length <= KEPT_BATCH_BYTES) {
      batch = new byte[Math.max(length, 16 * 1024)];
    }
    int at = head.copyTo(batch, 0, 0);
    at = events.copyTo(batch, at, 0);
    if (members) {
      batch[at++] = ',';
      tail.copyTo(batch, at, 1);
    } else {
      batch[at] = '}';
    }
    reset();
    return length;
  }

  /** The buffer {@link #finishInPlace} leaves the last batch in. */
  byte[] batch() {
    return batch;
  }

  private void reset() {
    events.reset();
    events.beginArray();
    outgoing.reset();
    outgoing.beginArray();
    items = 0;
    calls = 0;
  }

  /** One request event as a JSON object. */
  private static void writeEvent(JsonWriter w, RequestEvent e) {
    w.beginObject();
    w.name(TS).value(e.tsMillis());
    if (e.hasIdBits()) {
      w.name(REQUEST_ID).hexValue(e.idHigh(), e.idLow());
    } else {
      w.optional(REQUEST_ID, e.requestId());
    }
    if (!Objects.equals(e.correlationId(), e.requestId())) {
      // absent means "same as request_id" (a chain's first hop): most events, 50 bytes each
      w.optional(CORRELATION_ID, e.correlationId());
    }
    w.optional(PARENT_ID, e.parentId());
    writeOutcome(w, e.method(), e.route(), e.status(), e.durationMicros());
    if (e.dbCount() > 0) {
      writeDb(w, e);
    }
    if (e.outCount() > 0) {
      w.name(OUT).beginObject()
          .name(COUNT).value(e.outCount())
          .name(US).value(e.outMicros())
          .endObject();
    }
    if (e.error() != null) {
      writeError(w, e.error());
    }
    w.endObject();
  }

  private static void writeOutcome(JsonWriter w, String method, String route, int status,
      long durationMicros) {
    w.name(METHOD).value(method);
    w.name(ROUTE).value(route);
    w.name(STATUS).value(status);
    w.name(DURATION_US).value(durationMicros);
  }

  // The rarer parts of an event are methods of their own, which keeps the common path small
  // enough for the JIT to inline it into the loop that encodes events.

  private static void writeDb(JsonWriter w, RequestEvent e) {
    writeDbStart(w, e.dbCount(), e.dbMicros());
    for (SqlTiming t : e.slowest()) {
      writeStatement(w, t.sql(), t.micros());
    }
    writeDbEnd(w);
  }

  private static void writeDbStart(JsonWriter w, int count, long micros) {
    w.name(DB).beginObject()
        .name(COUNT).value(count)
        .name(US).value(micros)
        .name(SLOWEST).beginArray();
  }

  private static void writeStatement(JsonWriter w, String sql, long micros) {
    w.beginObject().name(SQL).value(sql).name(US).value(micros).endObject();
  }

  private static void writeDbEnd(JsonWriter w) {
    w.endArray().endObject();
  }

  private static void writeError(JsonWriter w, ErrorInfo err) {
    w.name(ERROR).beginObject().name(TYPE).value(err.type());
    w.optional(MESSAGE, err.message());
    w.optional(FINGERPRINT, err.fingerprint());
    w.optional(STACK, err.stack());
    w.endObject();
  }

  /** One outgoing call as a JSON object. */
  private static void writeOutgoing(JsonWriter w, OutgoingCall c) {
    w.beginObject();
    w.name(TS).value(c.tsMillis());
    w.optional(REQUEST_ID, c.requestId());
    w.optional(ROUTE, c.route());
    w.name(METHOD).value(c.method());
    w.name(HOST).value(c.host());
    w.name(STATUS).value(c.status());
    w.name(DURATION_US).value(c.durationMicros());
    w.name(ERROR).value(c.error());
    w.endObject();
  }

  /** A heartbeat as a JSON object. */
  private static void writeHeartbeat(JsonWriter w, Heartbeat h) {
    w.beginObject()
        .name(TS).value(h.tsMillis())
        .name(CPU_PCT).value(Math.round(h.cpuPct() * 100) / 100.0)
        .name(RSS_BYTES).value(h.rssBytes())
        .name(IN_FLIGHT).value(h.inFlight())
        .name(DROPPED).value(h.dropped())
        .endObject();
  }
}
