package dev.backtrack.collector.query;

import dev.backtrack.collector.model.Heartbeat;
import dev.backtrack.collector.model.Instance;
import dev.backtrack.collector.model.OutgoingCall;
import dev.backtrack.collector.model.RequestEvent;
import dev.backtrack.collector.storage.read.ReplaySink;

/** Feeds replayed history into {@link Rollups}, exactly as live batches would. */
final class RollupReplay implements ReplaySink {
  private final Rollups rollups;

  RollupReplay(Rollups rollups) {
    this.rollups = rollups;
  }

  @Override
  public void instance(String service, Instance instance, long lastSeenMillis,
      Heartbeat heartbeat) {
    rollups.restoreInstance(service, instance, lastSeenMillis, heartbeat);
  }

  @Override
  public void errorGroup(String service, String fingerprint, String type, String message,
      long firstSeenMillis, long lastSeenMillis) {
    rollups.describeError(service, fingerprint, type, message, firstSeenMillis, lastSeenMillis);
  }

  @Override
  public void event(String service, RequestEvent event) {
    rollups.applyEvent(service, event);
  }

  @Override
  public void outgoing(String service, OutgoingCall call) {
    rollups.applyOutgoing(service, call);
  }
}
