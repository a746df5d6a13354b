package dev.backtrack.vertx.impl;

import dev.backtrack.sdk.trace.ContextStorage;
import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.spi.VertxServiceProvider;

/**
 * Loaded by Vert.x (through {@code META-INF/services}) while it creates a {@code Vertx}: early
 * enough to register the context-local that holds requests, and to make sdk-core look there.
 */
public final class BacktrackServiceProvider implements VertxServiceProvider {
  @Override
  public void init(VertxBootstrap bootstrap) {
    ContextStorage.install(RequestLocal.STORAGE);
  }
}
