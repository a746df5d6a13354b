package dev.backtrack.collector.query;

import dev.backtrack.collector.CollectorOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.LongSupplier;

/** Deploys the verticles that answer window aggregations and the other read queries. */
public final class QueryStage {
  private QueryStage() {}

  /** Deploys the query stage; completes once its state has been rebuilt from storage. */
  public static Future<Void> deploy(Vertx vertx, CollectorOptions options) {
    return deploy(vertx, options, System::currentTimeMillis);
  }

  /** As {@link #deploy(Vertx, CollectorOptions)}, reading the time from {@code clockMillis}. */
  public static Future<Void> deploy(Vertx vertx, CollectorOptions options,
      LongSupplier clockMillis) {
    return vertx
        .deployVerticle(new QueryVerticle(options, clockMillis), new DeploymentOptions())
        .mapEmpty();
  }
}
