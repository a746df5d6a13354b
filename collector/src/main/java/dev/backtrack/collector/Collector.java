package dev.backtrack.collector;

import dev.backtrack.collector.bus.Codecs;
import dev.backtrack.collector.http.HttpVerticle;
import dev.backtrack.collector.query.QueryStage;
import dev.backtrack.collector.storage.StorageVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A running collector: storage, the query stage and the HTTP server, deployed on a Vert.x
 * instance that may belong to a host application (see docs/embedding.md).
 *
 * <pre>{@code
 * Collector.deploy(vertx, new JsonObject().put("port", 0).put("db", "/tmp/bt.db"))
 *     .onSuccess(c -> System.out.println("ingest at " + c.ingestEndpoint()));
 * }</pre>
 */
public final class Collector {
  private final Vertx vertx;
  private final CollectorOptions options;
  private final int port;
  /** Deployment ids in the order they were deployed. */
  private final List<String> deployments;
  private Future<Void> closing;

  private Collector(Vertx vertx, CollectorOptions options, int port, List<String> deployments) {
    this.vertx = vertx;
    this.options = options;
    this.port = port;
    this.deployments = deployments;
  }

  /**
   * Deploys storage, then the query stage, then the HTTP server.
   *
   * @param config the keys of {@link CollectorOptions}; {@code "port": 0} picks a free port
   * @return the running collector, or a failure whose message says what went wrong (port in
   *     use, database not writable, non-loopback address without token); nothing stays
   *     deployed after a failure
   */
  public static Future<Collector> deploy(Vertx vertx, JsonObject config) {
    CollectorOptions options = CollectorOptions.fromJson(config);
    try {
      HttpVerticle.checkBinding(options);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    Codecs.register(vertx);
    List<String> deployed = new ArrayList<>();
    HttpVerticle http = new HttpVerticle(options);
    return vertx
        .deployVerticle(new StorageVerticle(options),
            new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
        .compose(storageId -> {
          deployed.add(storageId);
          Set<String> before = new HashSet<>(vertx.deploymentIDs());
          // The query stage deploys its own verticles; note which, to undeploy them on close.
          return QueryStage.deploy(vertx, options).map(v -> {
            for (String id : vertx.deploymentIDs()) {
              if (!before.contains(id)) {
                deployed.add(id);
              }
            }
            return v;
          });
        })
        .compose(v -> vertx.deployVerticle(http))
        .map(httpId -> {
          deployed.add(httpId);
          return new Collector(vertx, options, http.actualPort(), deployed);
        })
        .recover(failure -> undeploy(vertx, deployed)
            .transform(ignored -> Future.<Collector>failedFuture(failure)));
  }

  /** The port the HTTP server is bound to (the real one when 0 was asked for). */
  public int port() {
    return port;
  }

  /** Such as {@code http://127.0.0.1:9876}. */
  public String baseUrl() {
    String host = options.host();
    if (host.equals("0.0.0.0")) {
      host = "127.0.0.1";
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port;
  }

  /** Where SDKs send their batches, such as {@code http://127.0.0.1:9876/ingest}. */
  public String ingestEndpoint() {
    return baseUrl() + "/ingest";
  }

  public CollectorOptions options() {
    return options;
  }

  /**
   * Undeploys in reverse order: the HTTP server stops taking requests, then the query stage,
   * then storage writes what is still queued and closes the file. Calling it again returns
   * the same future.
   */
  public synchronized Future<Void> close() {
    if (closing == null) {
      closing = undeploy(vertx, deployments);
    }
    return closing;
  }

  private static Future<Void> undeploy(Vertx vertx, List<String> deployments) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      chain = chain.transform(ignored -> vertx.deploymentIDs().contains(id)
          ? vertx.undeploy(id) : Future.succeededFuture());
    }
    return chain;
  }
}
