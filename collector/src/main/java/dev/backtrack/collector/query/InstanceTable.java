package dev.backtrack.collector.query;

import dev.backtrack.collector.model.Heartbeat;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest state of every process that reported, and when each service was last heard of.
 * An instance is live while its last heartbeat is at most {@link #LIVE_MILLIS} old.
 */
final class InstanceTable {
  /** How long an instance counts as live after its last heartbeat, in ms. */
  static final long LIVE_MILLIS = 30_000;

  /** Instances kept in memory; the oldest are forgotten past this. */
  static final int MAX_INSTANCES = 10_000;

  record InstanceKey(String service, String host, long pid) {}

  /** @param heartbeat the latest heartbeat, or null when none came yet */
  record State(long lastSeenMillis, Heartbeat heartbeat) {}

  /** What the answers need about one service. */
  static final class ServiceFigures {
    int instances;
    int liveInstances;
    long lastSeenMillis;
    double cpuSum;
    long rssBytes;
    long inFlight;
  }

  private final Map<InstanceKey, State> instances = new HashMap<>();
  private final Map<String, Long> servicesLastSeen = new HashMap<>();

  void seen(String service, long millis) {
    servicesLastSeen.merge(service, millis, Math::max);
  }

  void report(InstanceKey key, long seenMillis, Heartbeat heartbeat) {
    seen(key.service(), seenMillis);
    State old = instances.get(key);
    if (old == null && instances.size() >= MAX_INSTANCES) {
      return;
    }
    Heartbeat latest = heartbeat;
    if (old != null && old.heartbeat() != null
        && (latest == null || latest.tsMillis() < old.heartbeat().tsMillis())) {
      latest = old.heartbeat();
    }
    long lastSeen = old == null ? seenMillis : Math.max(old.lastSeenMillis(), seenMillis);
    instances.put(key, new State(lastSeen, latest));
  }

  /** Figures per service, sorted by name, including services seen only in events. */
  Map<String, ServiceFigures> services(long nowMillis) {
    Map<String, ServiceFigures> out = new TreeMap<>();
    servicesLastSeen.forEach((service, seen) ->
        out.computeIfAbsent(service, s -> new ServiceFigures()).lastSeenMillis = seen);
    instances.forEach((key, state) -> {
      ServiceFigures figures = out.computeIfAbsent(key.service(), s -> new ServiceFigures());
      figures.instances++;
      figures.lastSeenMillis = Math.max(figures.lastSeenMillis, state.lastSeenMillis());
      Heartbeat hb = state.heartbeat();
      if (hb != null && nowMillis - hb.tsMillis() <= LIVE_MILLIS) {
        figures.liveInstances++;
        figures.cpuSum += hb.cpuPercent();
        figures.rssBytes += hb.rssBytes();
        figures.inFlight += hb.inFlight();
      }
    });
    return out;
  }
}
