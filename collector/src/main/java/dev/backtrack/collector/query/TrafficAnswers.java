package dev.backtrack.collector.query;

import dev.backtrack.collector.scan.ScanCatalog;
import dev.backtrack.scanner.Endpoint;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the answers about served requests: overview, timeseries and routes. */
final class TrafficAnswers {
  private final Rollups rollups;
  private final ScanCatalog scans;

  TrafficAnswers(Rollups rollups, ScanCatalog scans) {
    this.rollups = rollups;
    this.scans = scans;
  }

  /** {@code /api/overview}: the requests of {@code scope} plus the live instances' state. */
  JsonObject overview(String service, WindowRange range, RouteScope scope) {
    Totals totals;
    if (scope.isAll()) {
      totals = rollups.traffic.total(service, range.from(), range.to());
    } else {
      totals = new Totals();
      for (Map.Entry<RouteKey, Totals> e : scoped(service, range, scope).entrySet()) {
        totals.stats.add(e.getValue().stats);
        totals.latency.addAll(e.getValue().latency);
      }
    }
    // Live instances: CPU averaged over all of them, memory and in-flight summed.
    int liveCount = 0;
    double cpuSum = 0;
    long rssBytes = 0;
    long inFlight = 0;
    for (Map.Entry<String, InstanceTable.ServiceFigures> e
        : rollups.instances.services(rollups.nowMillis()).entrySet()) {
      if (service == null || service.equals(e.getKey())) {
        InstanceTable.ServiceFigures f = e.getValue();
        liveCount += f.liveInstances;
        cpuSum += f.cpuSum;
        rssBytes += f.rssBytes;
        inFlight += f.inFlight;
      }
    }
    return new JsonObject()
        .put("service", service)
        .put("window_s", range.seconds())
        .mergeIn(QueryJson.figures(totals, range.seconds()))
        .put("in_flight", inFlight)
        .put("cpu_pct", liveCount == 0 ? 0.0 : Math.round(cpuSum / liveCount * 100) / 100.0)
        .put("rss_bytes", rssBytes)
        .put("instances", liveCount);
  }

  /** {@code /api/timeseries}: one point per step, oldest first, gaps as zeros. */
  JsonObject timeseries(String service, WindowRange range) {
    Window window = range.window();
    Totals[] points = rollups.traffic.series(service, window, range.nowSecond());
    long first = TrafficRollup.seriesStart(window, range.nowSecond());
    JsonArray out = new JsonArray();
    for (int i = 0; i < points.length; i++) {
      Stats s = points[i].stats;
      out.add(new JsonObject()
          .put("t", (first + (long) i * window.stepSeconds()) * 1000)
          .put("requests", s.count)
          .put("rps", QueryJson.perSecond(s.count, window.stepSeconds()))
          .put("error_rate", QueryJson.rate(s.errorRate()))
          .put("avg_ms", QueryJson.ms(s.avgMicros()))
          .put("p95_ms", QueryJson.ms(points[i].percentileMicros(95))));
    }
    return new JsonObject()
        .put("window_s", window.seconds())
        .put("step_s", window.stepSeconds())
        .put("points", out);
  }

  /**
   * {@code /api/routes}: served routes of the scope, then scanned routes without traffic,
   * sorted by requests, descending.
   */
  JsonArray routes(String service, WindowRange range, RouteScope scope) {
    DiscoveredRoutes discovered = new DiscoveredRoutes(scans, service);
    List<JsonObject> rows = new ArrayList<>();
    Set<Endpoint> served = new HashSet<>();
    for (Map.Entry<RouteKey, Totals> e : scoped(service, range, scope).entrySet()) {
      RouteKey key = e.getKey();
      Endpoint endpoint = discovered.find(key.service(), key.method(), key.route());
      if (endpoint != null) {
        served.add(endpoint);
      }
      rows.add(routeJson(key.service(), key.method(), key.route(), e.getValue(), range,
          endpoint));
    }
    for (String scanned : scans.services()) {
      if (service != null && !service.equals(scanned)) {
        continue;
      }
      for (Endpoint endpoint : scans.endpoints(scanned)) {
        if (!served.contains(endpoint)
            && scope.includes(endpoint.method(), endpoint.route(), endpoint)) {
          served.add(endpoint);
          rows.add(routeJson(scanned, endpoint.method(), endpoint.route(), new Totals(), range,
              endpoint));
        }
      }
    }
    rows.sort(Comparator.comparingLong((JsonObject r) -> -r.getLong("requests"))
        .thenComparing(r -> r.getString("route"))
        .thenComparing(r -> r.getString("method")));
    return new JsonArray(new ArrayList<>(rows));
  }

  /** The served routes of {@code service} that {@code scope} includes, with their totals. */
  Map<RouteKey, Totals> scoped(String service, WindowRange range, RouteScope scope) {
    Map<RouteKey, Totals> all = rollups.traffic.byRoute(service, range.from(), range.to());
    if (!scope.isAll()) {
      DiscoveredRoutes discovered = new DiscoveredRoutes(scans, service);
      all.keySet().removeIf(key -> !scope.includes(key.method(), key.route(),
          discovered.find(key.service(), key.method(), key.route())));
    }
    return all;
  }

  private static JsonObject routeJson(String service, String method, String route, Totals t,
      WindowRange range, Endpoint endpoint) {
    Stats s = t.stats;
    double perRequest = Math.max(1, s.count);
    return new JsonObject()
        .put("service", service)
        .put("method", method)
        .put("route", route)
        .mergeIn(QueryJson.figures(t, range.seconds()))
        .put("db_q", QueryJson.rate(s.dbCount / perRequest))
        .put("db_ms", QueryJson.ms(s.dbMicros / perRequest))
        .put("out", QueryJson.rate(s.outCount / perRequest))
        .put("out_ms", QueryJson.ms(s.outMicros / perRequest))
        .put("discovered", endpoint != null)
        .put("file", endpoint == null ? null : endpoint.file())
        .put("line", endpoint == null ? null : endpoint.line());
  }
}
