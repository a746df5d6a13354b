package dev.backtrack.collector.query;

import dev.backtrack.collector.scan.ScanCatalog;
import dev.backtrack.collector.scan.ScanOutcome;
import dev.backtrack.collector.scan.ScanRefusedException;
import dev.backtrack.collector.scan.SourceScans;
import dev.backtrack.collector.storage.read.ReadStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers one {@link QueryClient} request on the query verticle's context. In-memory answers
 * are built right away; answers that read SQLite or scan files do so on a worker thread and
 * touch the in-memory state only back on this context.
 */
final class QueryOps {
  private static final Logger LOG = Logger.getLogger(QueryOps.class.getName());

  private final Vertx vertx;
  private final Rollups rollups;
  private final ScanCatalog scans;
  private final ReadStore store;
  private final SourceScans sourceScans;
  private final TrafficAnswers traffic;
  private final DetailAnswers details;
  private final TreeAnswers trees;
  private final SnapshotAnswers snapshots;
  private final ChainCache chains;

  QueryOps(Vertx vertx, Rollups rollups, ScanCatalog scans, ReadStore store,
      SourceScans sourceScans) {
    this.vertx = vertx;
    this.rollups = rollups;
    this.scans = scans;
    this.store = store;
    this.sourceScans = sourceScans;
    this.traffic = new TrafficAnswers(rollups, scans);
    this.details = new DetailAnswers(rollups, scans);
    this.trees = new TreeAnswers(rollups, scans);
    this.snapshots = new SnapshotAnswers(vertx, traffic, details, store);
    this.chains = new ChainCache(rollups.chains);
  }

  void handle(Message<JsonObject> message) {
    JsonObject p = message.body();
    Future<JsonObject> answer;
    try {
      answer = answer(p.getString("op"), p);
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    answer.onComplete(done -> {
      if (done.succeeded()) {
        message.reply(done.result().encode());
      } else {
        fail(message, done.cause());
      }
    });
  }

  private Future<JsonObject> answer(String op, JsonObject p) {
    String service = p.getString("service");
    WindowRange range = WindowRange.of(
        Window.parse(String.valueOf(p.getInteger("w", Window.DEFAULT.seconds()))),
        rollups.nowMillis());
    RouteScope scope =
        new RouteScope(p.getString("method"), p.getString("route"), p.getString("prefix"));
    switch (op) {
      case "services":
        return Future.succeededFuture(details.services());
      case "overview":
        return Future.succeededFuture(traffic.overview(service, range, RouteScope.ALL));
      case "timeseries":
        return Future.succeededFuture(traffic.timeseries(service, range));
      case "routes":
        return Future.succeededFuture(
            new JsonObject().put("routes", traffic.routes(service, range, RouteScope.ALL)));
      case "sql":
        return Future.succeededFuture(new JsonObject().put("statements",
            details.sql(service, range, scope.method(), scope.route(), null)));
      case "errors":
        return Future.succeededFuture(new JsonObject()
            .put("groups", new JsonArray(details.errors(service, range, null))));
      case "error":
        return snapshots.errorGroup(service, p.getString("fingerprint"), range, rollups);
      case "outgoing":
        return Future.succeededFuture(
            new JsonObject().put("hosts", details.outgoing(service, range, null)));
      case "graph":
        return Future.succeededFuture(details.graph(service, range));
      case "route_chains":
        return Future.succeededFuture(chains.chains(service, range));
      case "snapshot":
        return snapshots.snapshot(service, range, scope);
      case "tree":
        return Future.succeededFuture(trees.tree(service, range));
      case "stream":
        return Future.succeededFuture(stream(service, range));
      case "scan":
        return scan(p.getString("path"), p.getString("service"));
      default:
        return Future.failedFuture(new IllegalArgumentException("unknown query: " + op));
    }
  }

  /** One SSE snapshot: every live part of the dashboard at once. */
  JsonObject stream(String service, WindowRange range) {
    return new JsonObject()
        .put("ts", rollups.nowMillis())
        .put("service", service)
        .put("window_s", range.seconds())
        .put("overview", traffic.overview(service, range, RouteScope.ALL))
        .put("timeseries", traffic.timeseries(service, range))
        .put("routes", traffic.routes(service, range, RouteScope.ALL))
        .put("errors", new JsonArray(details.errors(service, range, null)))
        .put("outgoing", details.outgoing(service, range, null))
        .put("graph", details.graph(service, range));
  }

  private Future<JsonObject> scan(String path, String service) {
    Future<List<ScanOutcome>> outcomes = path == null || path.isEmpty()
        ? vertx.executeBlocking(sourceScans::scanRoots, false)
        : vertx.executeBlocking(() -> List.of(sourceScans.scan(path, service)), false);
    return outcomes.map(list -> {
      JsonArray scanned = new JsonArray();
      for (ScanOutcome outcome : list) {
        scans.put(outcome);
        scanned.add(new JsonObject()
            .put("service", outcome.service())
            .put("endpoints", outcome.result().endpoints().size())
            .put("files", outcome.result().filesScanned())
            .put("problems", outcome.result().problems().size()));
      }
      return new JsonObject().put("scanned", scanned);
    });
  }

  private static void fail(Message<JsonObject> message, Throwable cause) {
    if (cause instanceof ScanRefusedException) {
      message.fail(403, new JsonObject().put("error", cause.getMessage()).encode());
    } else if (cause instanceof NotFoundException) {
      message.fail(404, new JsonObject().put("error", cause.getMessage()).encode());
    } else if (cause instanceof IllegalArgumentException) {
      message.fail(400, new JsonObject().put("error", cause.getMessage()).put("where", "path")
          .encode());
    } else {
      LOG.log(Level.WARNING, "query failed", cause);
      message.fail(500, new JsonObject().put("error", "query failed").encode());
    }
  }
}
