package dev.backtrack.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The watch the other tests rely on does see a blocked event loop. */
class BlockedThreadWatchIT {
  @Test
  void capturesTheWarningOfABlockedEventLoop() throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions()
        .setBlockedThreadCheckInterval(20).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
        .setMaxEventLoopExecuteTime(50).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    try (BlockedThreadWatch watch = new BlockedThreadWatch()) {
      vertx.runOnContext(v -> sleep(400));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (watch.warnings().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(watch.warnings()).isNotEmpty();
    } finally {
      vertx.close().await();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
