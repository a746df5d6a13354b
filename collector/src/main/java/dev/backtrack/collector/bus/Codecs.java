package dev.backtrack.collector.bus;

import dev.backtrack.collector.model.Batch;
import io.vertx.core.Vertx;

/** Registers the local codecs of the collector's typed messages on a Vert.x instance. */
public final class Codecs {
  private Codecs() {}

  /**
   * Makes {@link Batch} travel by reference on the event bus. Safe to call more than once per
   * Vert.x instance (several collectors embedded in one host share the registration).
   */
  public static synchronized void register(Vertx vertx) {
    try {
      vertx.eventBus().registerDefaultCodec(Batch.class, new LocalCodec<>(Batch.class));
    } catch (IllegalStateException alreadyRegistered) {
      // Another collector on this Vert.x instance registered it: the same codec, keep it.
    }
  }
}
