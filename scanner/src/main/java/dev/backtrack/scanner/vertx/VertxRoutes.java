package dev.backtrack.scanner.vertx;

import dev.backtrack.scanner.ast.JavaFile;
import dev.backtrack.scanner.source.RawRoute;
import java.util.List;

/** Vert.x Web router calls. */
public final class VertxRoutes {
  private VertxRoutes() {}

  /** Every route registered on a Vert.x {@code Router} in {@code file}. */
  public static List<RawRoute> find(JavaFile file) {
    return List.of();
  }
}
