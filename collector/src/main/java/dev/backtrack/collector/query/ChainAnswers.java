package dev.backtrack.collector.query;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the hops of correlation chains into {@code /api/route_chains}: requests sharing a
 * correlation id, ordered by time, grouped by the path of routes they took. The first hop's
 * duration stands for the chain's, since it spans the calls it made.
 */
final class ChainAnswers {
  /** Chains listed at most. */
  static final int MAX_LISTED = 100;

  private ChainAnswers() {}

  private static final class Path {
    final JsonArray hops;
    long count;
    long errors;
    long sumMicros;
    long lastSeenMillis;
    String exampleCorrelationId;

    Path(JsonArray hops) {
      this.hops = hops;
    }
  }

  /** @param rows hops grouped by correlation id, each group in time order */
  static JsonObject build(List<ChainRow> rows, String service) {
    Map<String, Path> paths = new LinkedHashMap<>();
    int i = 0;
    while (i < rows.size()) {
      int end = i;
      String id = rows.get(i).correlationId();
      while (end < rows.size() && rows.get(end).correlationId().equals(id)) {
        end++;
      }
      if (end - i > 1) {
        add(paths, rows.subList(i, end), service);
      }
      i = end;
    }
    List<Path> sorted = new ArrayList<>(paths.values());
    sorted.sort(Comparator.comparingLong((Path p) -> -p.count)
        .thenComparingLong(p -> -p.lastSeenMillis));
    JsonArray chains = new JsonArray();
    for (Path p : sorted.subList(0, Math.min(MAX_LISTED, sorted.size()))) {
      chains.add(new JsonObject()
          .put("hops", p.hops)
          .put("count", p.count)
          .put("avg_ms", QueryJson.ms((double) p.sumMicros / p.count))
          .put("errors", p.errors)
          .put("error_rate", QueryJson.rate((double) p.errors / p.count))
          .put("last_seen", p.lastSeenMillis)
          .put("example_correlation_id", p.exampleCorrelationId));
    }
    return new JsonObject().put("chains", chains);
  }

  private static void add(Map<String, Path> paths, List<ChainRow> hops, String service) {
    boolean inService = service == null;
    boolean error = false;
    StringBuilder key = new StringBuilder();
    for (ChainRow hop : hops) {
      inService |= service != null && service.equals(hop.service());
      error |= hop.error();
      key.append(hop.service()).append('\u0000').append(hop.method()).append(' ')
          .append(hop.route()).append('\u0001');
    }
    if (!inService) {
      return;
    }
    // Most chains repeat a known path: its JSON is built once, not once per chain.
    Path path = paths.computeIfAbsent(key.toString(), k -> new Path(hopsJson(hops)));
    ChainRow first = hops.get(0);
    path.count++;
    path.sumMicros += first.durationMicros();
    if (error) {
      path.errors++;
    }
    if (first.tsMillis() >= path.lastSeenMillis) {
      path.lastSeenMillis = first.tsMillis();
      path.exampleCorrelationId = first.correlationId();
    }
  }

  private static JsonArray hopsJson(List<ChainRow> hops) {
    JsonArray json = new JsonArray();
    for (ChainRow hop : hops) {
      json.add(new JsonObject().put("service", hop.service()).put("method", hop.method())
          .put("route", hop.route()));
    }
    return json;
  }
}
