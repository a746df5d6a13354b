package dev.backtrack.collector.query;

import dev.backtrack.collector.model.Batch;
import dev.backtrack.collector.model.ErrorInfo;
import dev.backtrack.collector.model.Heartbeat;
import dev.backtrack.collector.model.Instance;
import dev.backtrack.collector.model.OutgoingCall;
import dev.backtrack.collector.model.RequestEvent;
import dev.backtrack.collector.model.SqlTiming;
import java.util.function.LongSupplier;

/**
 * Every in-memory aggregate of the last hour, fed one stored batch at a time. An event is
 * placed by its own timestamp, clamped into the hour before now. Not thread-safe: one
 * verticle owns it.
 */
public final class Rollups {
  private final LongSupplier clockMillis;
  final Cardinality cardinality = new Cardinality();
  final TrafficRollup traffic = new TrafficRollup();
  final OutgoingRollup outgoing = new OutgoingRollup();
  final ErrorRollup errors = new ErrorRollup();
  final SqlRollup sql = new SqlRollup();
  final InstanceTable instances = new InstanceTable();
  final ChainTracker chains = new ChainTracker();

  /** @param clockMillis the current time in ms since the epoch */
  public Rollups(LongSupplier clockMillis) {
    this.clockMillis = clockMillis;
  }

  public long nowMillis() {
    return clockMillis.getAsLong();
  }

  public void apply(Batch batch) {
    String service = batch.service();
    Instance instance = batch.instance() == null ? Instance.UNKNOWN : batch.instance();
    Heartbeat heartbeat = batch.heartbeat();
    instances.report(new InstanceTable.InstanceKey(service, instance.host(), instance.pid()),
        batch.receivedAtMillis(), heartbeat);
    long latest = Long.MIN_VALUE;
    for (RequestEvent event : batch.events()) {
      record(service, event);
      latest = Math.max(latest, event.tsMillis());
    }
    if (latest != Long.MIN_VALUE) {
      instances.seen(service, latest);
    }
    for (OutgoingCall call : batch.outgoing()) {
      applyOutgoing(service, call);
    }
  }

  /** Adds one served request; also used to replay stored events. */
  public void applyEvent(String service, RequestEvent event) {
    instances.seen(service, event.tsMillis());
    record(service, event);
  }

  private void record(String service, RequestEvent event) {
    long second = second(event.tsMillis());
    chains.add(service, event);
    RouteKey key = cardinality.route(service, event.method(), event.route());
    String route = key.route();
    boolean error = event.isError();
    traffic.record(second, key, event.durationMicros(), error,
        event.db().count(), event.db().micros(), event.out().count(), event.out().micros());
    for (SqlTiming timing : event.db().slowest()) {
      String text = cardinality.sql(service, timing.sql());
      sql.record(second, new SqlKey(key.service(), key.method(), route, text),
          timing.micros());
    }
    if (error) {
      ErrorInfo info = event.error();
      String fingerprint = fingerprint(event);
      String type = info != null ? info.type() : "HTTP " + event.status();
      String message = info != null ? info.message() : null;
      errors.record(second, new ErrorKey(key.service(), fingerprint), type, message, event,
          key.label());
    }
  }

  /** Adds one outgoing call; also used to replay stored calls. */
  public void applyOutgoing(String service, OutgoingCall call) {
    String route = call.route() == null ? "" : cardinality.outgoingRoute(service, call.route());
    String host = cardinality.host(service, call.host());
    outgoing.record(second(call.tsMillis()), new EdgeKey(service, route, host),
        call.durationMicros(), call.error());
  }

  /** Restores what storage knows of an error group, before its events are replayed. */
  public void describeError(String service, String fingerprint, String type, String message,
      long firstSeenMillis, long lastSeenMillis) {
    errors.describe(new ErrorKey(service, fingerprint), type, message, firstSeenMillis,
        lastSeenMillis);
  }

  /** Restores an instance's latest state from storage. */
  public void restoreInstance(String service, Instance instance, long lastSeenMillis,
      Heartbeat heartbeat) {
    instances.report(new InstanceTable.InstanceKey(service, instance.host(), instance.pid()),
        lastSeenMillis, heartbeat);
  }

  /** Forgets error groups not seen within the hour, and older chain hops. */
  public void prune() {
    long hourAgo = nowMillis() - Window.MAX_SECONDS * 1000L;
    errors.prune(hourAgo);
    chains.prune(hourAgo);
  }

  /**
   * The group an error event belongs to: the SDK's fingerprint, else the exception type, else
   * {@code status:<code>} (the same rule as storage).
   */
  static String fingerprint(RequestEvent event) {
    ErrorInfo info = event.error();
    if (info != null) {
      return info.fingerprint() != null && !info.fingerprint().isEmpty()
          ? info.fingerprint()
          : info.type();
    }
    return "status:" + event.status();
  }

  private long second(long tsMillis) {
    long now = Math.floorDiv(nowMillis(), 1000);
    long second = Math.floorDiv(tsMillis, 1000);
    return Math.max(now - Window.MAX_SECONDS + 1, Math.min(second, now));
  }
}
