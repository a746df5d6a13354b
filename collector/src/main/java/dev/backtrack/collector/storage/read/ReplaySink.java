package dev.backtrack.collector.storage.read;

import dev.backtrack.collector.model.Heartbeat;
import dev.backtrack.collector.model.Instance;
import dev.backtrack.collector.model.OutgoingCall;
import dev.backtrack.collector.model.RequestEvent;

/** Receives stored history, in this order: instances, error groups, events, outgoing calls. */
public interface ReplaySink {
  /** @param heartbeat the latest heartbeat, or null when the instance never sent one */
  void instance(String service, Instance instance, long lastSeenMillis, Heartbeat heartbeat);

  void errorGroup(String service, String fingerprint, String type, String message,
      long firstSeenMillis, long lastSeenMillis);

  void event(String service, RequestEvent event);

  void outgoing(String service, OutgoingCall call);
}
