package dev.backtrack.collector.query;

import dev.backtrack.collector.model.RequestEvent;
import dev.backtrack.collector.storage.read.ErrorDetail;
import dev.backtrack.collector.storage.read.ReadStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the answers that join the rollups with stored detail: {@code /api/snapshot} and
 * {@code /api/errors/{fingerprint}} (stack traces live only in SQLite).
 */
final class SnapshotAnswers {
  /** Error groups of a snapshot that get their stack trace. */
  static final int MAX_ERRORS_WITH_STACK = 10;

  private final Vertx vertx;
  private final TrafficAnswers traffic;
  private final DetailAnswers details;
  private final ReadStore store;

  SnapshotAnswers(Vertx vertx, TrafficAnswers traffic, DetailAnswers details, ReadStore store) {
    this.vertx = vertx;
    this.traffic = traffic;
    this.details = details;
    this.store = store;
  }

  Future<JsonObject> snapshot(String service, WindowRange range, RouteScope scope) {
    JsonArray routes = traffic.routes(service, range, scope);
    Set<String> labels = null;
    Set<String> paths = null;
    if (!scope.isAll()) {
      labels = new HashSet<>();
      paths = new HashSet<>();
      for (int i = 0; i < routes.size(); i++) {
        JsonObject r = routes.getJsonObject(i);
        labels.add(r.getString("method") + " " + r.getString("route"));
        paths.add(r.getString("route"));
      }
    }
    JsonObject scopeJson = new JsonObject();
    if (scope.route() != null) {
      scopeJson.put("method", scope.method()).put("route", scope.route());
    } else if (scope.prefix() != null) {
      scopeJson.put("prefix", scope.prefix());
    }
    List<JsonObject> errors = details.errors(service, range, labels);
    List<JsonObject> withStack =
        new ArrayList<>(errors.subList(0, Math.min(MAX_ERRORS_WITH_STACK, errors.size())));
    JsonObject snapshot = new JsonObject()
        .put("service", service)
        .put("window_s", range.seconds())
        .put("scope", scopeJson)
        .put("overview", traffic.overview(service, range, scope))
        .put("routes", routes)
        .put("slow_sql", details.sql(service, range, scope.method(), scope.route(),
            scope.prefix() == null ? null : labels))
        .put("outgoing", details.outgoing(service, range, paths));
    return vertx.executeBlocking(() -> {
      for (JsonObject group : withStack) {
        Optional<ErrorDetail> detail =
            store.errorDetail(group.getString("service"), group.getString("fingerprint"));
        group.put("stack", detail.map(ErrorDetail::stack).orElse(null));
      }
      return snapshot.put("errors", new JsonArray(new ArrayList<>(withStack)));
    }, false);
  }

  Future<JsonObject> errorGroup(String service, String fingerprint, WindowRange range,
      Rollups rollups) {
    return vertx.executeBlocking(() -> store.errorDetail(service, fingerprint), false)
        .map(found -> {
          ErrorDetail d = found.orElseThrow(
              () -> new NotFoundException("no error group with this fingerprint"));
          ErrorRollup.Group live = rollups.errors.find(new ErrorKey(d.service(), fingerprint));
          long count = rollups.errors.inWindow(d.service(), range.from(), range.to()).stream()
              .filter(c -> c.key().fingerprint().equals(fingerprint))
              .mapToLong(ErrorRollup.Counted::count).sum();
          RequestEvent s = live == null ? null : live.sample;
          JsonObject sample = s == null
              ? new JsonObject().put("ts", null).put("method", null).put("route", null)
                  .put("status", null).put("request_id", d.sampleRequestId())
                  .put("correlation_id", null)
              : new JsonObject().put("ts", s.tsMillis()).put("method", s.method())
                  .put("route", s.route()).put("status", s.status())
                  .put("request_id", s.requestId()).put("correlation_id", s.correlationId());
          return new JsonObject()
              .put("fingerprint", d.fingerprint())
              .put("service", d.service())
              .put("type", d.type())
              .put("message", d.message())
              .put("count", count)
              .put("first_seen", d.firstSeenMillis())
              .put("last_seen", d.lastSeenMillis())
              .put("routes", live == null ? new JsonArray()
                  : new JsonArray(new ArrayList<>(live.routes)))
              .put("stack", d.stack())
              .put("sample", sample);
        });
  }
}
