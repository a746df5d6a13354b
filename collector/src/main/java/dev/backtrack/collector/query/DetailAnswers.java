package dev.backtrack.collector.query;

import dev.backtrack.collector.scan.ScanCatalog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Builds the answers about services, SQL, errors, outgoing calls and the graph. */
final class DetailAnswers {
  private final Rollups rollups;
  private final ScanCatalog scans;

  DetailAnswers(Rollups rollups, ScanCatalog scans) {
    this.rollups = rollups;
    this.scans = scans;
  }

  /** {@code /api/services}: every service that reported or was scanned, sorted by name. */
  JsonObject services() {
    Map<String, InstanceTable.ServiceFigures> figures =
        rollups.instances.services(rollups.nowMillis());
    Set<String> names = new TreeSet<>(figures.keySet());
    names.addAll(scans.services());
    JsonArray out = new JsonArray();
    for (String name : names) {
      InstanceTable.ServiceFigures f = figures.get(name);
      out.add(new JsonObject()
          .put("name", name)
          .put("instances", f == null ? 0 : f.instances)
          .put("live_instances", f == null ? 0 : f.liveInstances)
          .put("last_seen", f == null || f.lastSeenMillis == 0 ? null : f.lastSeenMillis)
          .put("scanned", scans.isScanned(name)));
    }
    return new JsonObject().put("services", out);
  }

  /** {@code /api/sql}: the slowest statements of the scope. */
  JsonArray sql(String service, WindowRange range, String method, String route,
      Set<String> routeLabels) {
    JsonArray out = new JsonArray();
    for (SqlRollup.Statement st
        : rollups.sql.slowest(service, method, route, range.from(), range.to())) {
      if (routeLabels != null && st.routes().stream().noneMatch(routeLabels::contains)) {
        continue;
      }
      out.add(new JsonObject()
          .put("sql", st.sql())
          .put("count", st.stats().count)
          .put("max_ms", QueryJson.ms(st.stats().maxMicros))
          .put("avg_ms", QueryJson.ms(st.stats().avgMicros()))
          .put("routes", new JsonArray(new ArrayList<>(st.routes()))));
    }
    return out;
  }

  /**
   * {@code /api/errors}: groups with errors in the window, most recent first; only those seen
   * on one of {@code routeLabels} when that is not null.
   */
  List<JsonObject> errors(String service, WindowRange range, Set<String> routeLabels) {
    List<ErrorRollup.Counted> groups =
        rollups.errors.inWindow(service, range.from(), range.to());
    groups.removeIf(c -> c.group() == null);
    groups.sort(Comparator.comparingLong((ErrorRollup.Counted c) -> -c.group().lastSeenMillis)
        .thenComparing(c -> c.key().fingerprint()));
    List<JsonObject> out = new ArrayList<>();
    for (ErrorRollup.Counted c : groups) {
      if (routeLabels != null && c.group().routes.stream().noneMatch(routeLabels::contains)) {
        continue;
      }
      out.add(new JsonObject()
          .put("fingerprint", c.key().fingerprint())
          .put("service", c.key().service())
          .put("type", c.group().type)
          .put("message", c.group().message)
          .put("count", c.count())
          .put("first_seen", c.group().firstSeenMillis)
          .put("last_seen", c.group().lastSeenMillis)
          .put("routes", new JsonArray(new ArrayList<>(c.group().routes))));
    }
    return out;
  }

  /** {@code /api/outgoing}: hosts by calls, descending; only calls of {@code routes} if set. */
  JsonArray outgoing(String service, WindowRange range, Set<String> routes) {
    Map<String, Totals> hosts = rollups.outgoing.byHost(service, range.from(), range.to());
    if (routes != null) {
      Map<String, Stats> scoped = new HashMap<>();
      rollups.outgoing.byEdge(service, range.from(), range.to()).forEach((edge, stats) -> {
        if (routes.contains(edge.route())) {
          scoped.computeIfAbsent(edge.host(), h -> new Stats()).add(stats);
        }
      });
      hosts.keySet().retainAll(scoped.keySet());
      hosts.forEach((host, totals) -> {
        totals.stats.count = 0;
        totals.stats.errors = 0;
        totals.stats.sumMicros = 0;
        totals.stats.maxMicros = 0;
        totals.stats.add(scoped.get(host));
      });
    }
    List<Map.Entry<String, Totals>> rows = new ArrayList<>(hosts.entrySet());
    rows.sort(Comparator.comparingLong((Map.Entry<String, Totals> e) -> -e.getValue().stats.count)
        .thenComparing(Map.Entry::getKey));
    JsonArray out = new JsonArray();
    for (Map.Entry<String, Totals> e : rows) {
      Stats s = e.getValue().stats;
      out.add(new JsonObject()
          .put("host", e.getKey())
          .put("calls", s.count)
          .put("errors", s.errors)
          .put("error_rate", QueryJson.rate(s.errorRate()))
          .put("avg_ms", QueryJson.ms(s.avgMicros()))
          .put("max_ms", QueryJson.ms(s.maxMicros))
          .put("p95_ms", QueryJson.ms(e.getValue().percentileMicros(95))));
    }
    return out;
  }

  /**
   * {@code /api/graph}: route → host edges. A route node is named after the method that served
   * the route most in the window (outgoing calls carry the route, not the request's method).
   */
  JsonObject graph(String service, WindowRange range) {
    Map<String, long[]> methodVolume = new HashMap<>();
    Map<String, String> busiestMethod = new HashMap<>();
    Map<String, Long> routeVolume = new HashMap<>();
    rollups.traffic.countsByRoute(service, range.from(), range.to()).forEach((key, totals) -> {
      String route = key.service() + '\u0000' + key.route();
      long count = totals.stats.count;
      routeVolume.merge(route, count, Long::sum);
      long[] best = methodVolume.computeIfAbsent(route, r -> new long[] {-1});
      if (count > best[0]) {
        best[0] = count;
        busiestMethod.put(route, key.method());
      }
    });
    Map<String, JsonObject> nodes = new java.util.LinkedHashMap<>();
    Map<String, Stats> edges = new java.util.TreeMap<>();
    Map<String, String[]> ends = new HashMap<>();
    rollups.outgoing.byEdge(service, range.from(), range.to()).forEach((edge, stats) -> {
      String route = edge.service() + '\u0000' + edge.route();
      String method = busiestMethod.get(route);
      String label = edge.route().isEmpty() ? "(no route)"
          : method == null ? edge.route() : method + " " + edge.route();
      String source = "route:" + label;
      String target = "host:" + edge.host();
      nodes.computeIfAbsent(source, id -> node(id, "route", label,
          edge.route().isEmpty() ? 0 : routeVolume.getOrDefault(route, 0L)));
      JsonObject host = nodes.computeIfAbsent(target, id -> node(id, "host", edge.host(), 0));
      host.put("volume", host.getLong("volume") + stats.count);
      String edgeId = source + '\u0000' + target;
      edges.computeIfAbsent(edgeId, id -> new Stats()).add(stats);
      ends.put(edgeId, new String[] {source, target});
    });
    JsonArray edgeArray = new JsonArray();
    edges.forEach((id, s) -> edgeArray.add(new JsonObject()
        .put("source", ends.get(id)[0])
        .put("target", ends.get(id)[1])
        .put("calls", s.count)
        .put("errors", s.errors)
        .put("error_rate", QueryJson.rate(s.errorRate()))
        .put("avg_ms", QueryJson.ms(s.avgMicros()))));
    return new JsonObject()
        .put("nodes", new JsonArray(new ArrayList<>(nodes.values())))
        .put("edges", edgeArray);
  }

  private static JsonObject node(String id, String kind, String label, long volume) {
    return new JsonObject().put("id", id).put("kind", kind).put("label", label)
        .put("volume", volume);
  }
}
