package dev.backtrack.sdk.report;

import dev.backtrack.sdk.event.ErrorInfo;
import dev.backtrack.sdk.event.Heartbeat;
import dev.backtrack.sdk.event.OutgoingCall;
import dev.backtrack.sdk.event.RequestEvent;
import dev.backtrack.sdk.event.SqlTiming;
import dev.backtrack.sdk.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;

/** Encodes batches as the wire protocol v1 describes them. Used on the reporter's thread. */
public final class BatchEncoder {
  private BatchEncoder() {}

  /** Where a batch comes from. */
  public record Instance(String service, String host, long pid, String sdk) {}

  /**
   * Encodes one batch as UTF-8 JSON.
   *
   * @param events {@link RequestEvent}s and {@link OutgoingCall}s in the order recorded
   * @param heartbeat the heartbeat to include, or null
   */
  public static byte[] encode(String batchId, Instance instance, List<?> events,
      Heartbeat heartbeat) {
    JsonWriter w = new JsonWriter(256 + events.size() * 512);
    w.beginObject();
    w.name("v").value(1);
    w.name("batch_id").value(batchId);
    w.name("service").value(instance.service());
    w.name("instance").beginObject()
        .name("host").value(instance.host())
        .name("pid").value(instance.pid())
        .name("sdk").value(instance.sdk())
        .endObject();
    List<OutgoingCall> outgoing = new ArrayList<>();
    w.name("events").beginArray();
    for (Object item : events) {
      if (item instanceof RequestEvent e) {
        writeEvent(w, e);
        outgoing.addAll(e.outgoing());
      } else if (item instanceof OutgoingCall c) {
        outgoing.add(c);
      }
    }
    w.endArray();
    if (!outgoing.isEmpty()) {
      w.name("outgoing").beginArray();
      for (OutgoingCall c : outgoing) {
        writeOutgoing(w, c);
      }
      w.endArray();
    }
    if (heartbeat != null) {
      w.name("heartbeat");
      writeHeartbeat(w, heartbeat);
    }
    w.endObject();
    return w.toBytes();
  }

  /** One request event as a JSON object. */
  public static void writeEvent(JsonWriter w, RequestEvent e) {
    w.beginObject();
    w.name("ts").value(e.tsMillis());
    w.optional("request_id", e.requestId());
    w.optional("correlation_id", e.correlationId());
    w.optional("parent_id", e.parentId());
    w.name("method").value(e.method());
    w.name("route").value(e.route());
    w.name("status").value(e.status());
    w.name("duration_us").value(e.durationMicros());
    if (e.dbCount() > 0) {
      w.name("db").beginObject()
          .name("count").value(e.dbCount())
          .name("us").value(e.dbMicros())
          .name("slowest").beginArray();
      for (SqlTiming t : e.slowest()) {
        w.beginObject().name("sql").value(t.sql()).name("us").value(t.micros()).endObject();
      }
      w.endArray().endObject();
    }
    if (e.outCount() > 0) {
      w.name("out").beginObject()
          .name("count").value(e.outCount())
          .name("us").value(e.outMicros())
          .endObject();
    }
    ErrorInfo err = e.error();
    if (err != null) {
      w.name("error").beginObject().name("type").value(err.type());
      w.optional("message", err.message());
      w.optional("fingerprint", err.fingerprint());
      w.optional("stack", err.stack());
      w.endObject();
    }
    w.endObject();
  }

  /** One outgoing call as a JSON object. */
  public static void writeOutgoing(JsonWriter w, OutgoingCall c) {
    w.beginObject();
    w.name("ts").value(c.tsMillis());
    w.optional("request_id", c.requestId());
    w.optional("route", c.route());
    w.name("method").value(c.method());
    w.name("host").value(c.host());
    w.name("status").value(c.status());
    w.name("duration_us").value(c.durationMicros());
    w.name("error").value(c.error());
    w.endObject();
  }

  /** A heartbeat as a JSON object. */
  public static void writeHeartbeat(JsonWriter w, Heartbeat h) {
    w.beginObject()
        .name("ts").value(h.tsMillis())
        .name("cpu_pct").value(Math.round(h.cpuPct() * 100) / 100.0)
        .name("rss_bytes").value(h.rssBytes())
        .name("in_flight").value(h.inFlight())
        .name("dropped").value(h.dropped())
        .endObject();
  }
}
