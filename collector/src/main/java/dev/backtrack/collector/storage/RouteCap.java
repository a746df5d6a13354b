package dev.backtrack.collector.storage;

import dev.backtrack.collector.model.Batch;
import dev.backtrack.collector.model.OutgoingCall;
import dev.backtrack.collector.model.RequestEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bounds the distinct routes per service (docs/protocol.md): once a service has
 * {@link #MAX_ROUTES_PER_SERVICE} routes, events on a new route are counted under
 * {@link #OTHER}. Not thread-safe: only the storage worker uses it. The set lives in memory,
 * so it starts empty after a restart.
 */
final class RouteCap {
  static final int MAX_ROUTES_PER_SERVICE = 1_000;
  static final String OTHER = "<other>";

  private final Map<String, Set<String>> routesByService = new HashMap<>();

  /** The batch itself when all its routes are admitted, else a copy with routes replaced. */
  Batch apply(Batch batch) {
    Set<String> routes = routesByService.computeIfAbsent(batch.service(), s -> new HashSet<>());
    boolean rewrite = false;
    for (RequestEvent event : batch.events()) {
      rewrite |= !admit(routes, event.route());
    }
    for (OutgoingCall call : batch.outgoing()) {
      rewrite |= call.route() != null && !admit(routes, call.route());
    }
    return rewrite ? rewritten(batch, routes) : batch;
  }

  private static boolean admit(Set<String> routes, String route) {
    if (routes.contains(route)) {
      return true;
    }
    if (routes.size() < MAX_ROUTES_PER_SERVICE) {
      routes.add(route);
      return true;
    }
    return false;
  }

  private static Batch rewritten(Batch batch, Set<String> routes) {
    List<RequestEvent> events = new ArrayList<>(batch.events().size());
    for (RequestEvent e : batch.events()) {
      events.add(routes.contains(e.route()) ? e : new RequestEvent(e.tsMillis(), e.requestId(),
          e.correlationId(), e.parentId(), e.method(), OTHER, e.status(), e.durationMicros(),
          e.db(), e.out(), e.error()));
    }
    List<OutgoingCall> outgoing = new ArrayList<>(batch.outgoing().size());
    for (OutgoingCall c : batch.outgoing()) {
      outgoing.add(c.route() == null || routes.contains(c.route()) ? c : new OutgoingCall(
          c.tsMillis(), c.requestId(), OTHER, c.method(), c.host(), c.status(),
          c.durationMicros(), c.error()));
    }
    return new Batch(batch.batchId(), batch.service(), batch.instance(), List.copyOf(events),
        List.copyOf(outgoing), batch.heartbeat(), batch.receivedAtMillis());
  }
}
