package dev.backtrack.collector.cli;

import dev.backtrack.collector.Collector;
import dev.backtrack.collector.storage.NativeLibrary;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Runs a collector in the foreground: starts it, prints where it listens, and on Ctrl-C or
 * SIGTERM closes it (pending writes reach the file) and returns 0.
 */
final class CollectorRunner {
  /** The folder of the collector's own files: database, caches. */
  static final Path BACKTRACK_HOME = Path.of(System.getProperty("user.home"), ".backtrack");

  /** How long a stop may take before the process gives up on flushing, in seconds. */
  static final int CLOSE_TIMEOUT_SECONDS = 30;

  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean handleSignals = true;

  /** Tests run the command in-process and stop it themselves. */
  void withoutSignalHandlers() {
    handleSignals = false;
  }

  /** Asks a running collector to close; {@link #run} then returns. */
  void stop() {
    stopRequested.countDown();
  }

  int run(JsonObject config, PrintWriter out, PrintWriter err,
      BiFunction<Vertx, Collector, Future<Void>> afterStart) {
    NativeLibrary.useCopyIn(BACKTRACK_HOME.resolve("native"));
    Vertx vertx = Vertx.builder().with(vertxOptions()).build();
    Collector collector;
    try {
      collector = await(Collector.deploy(vertx, config));
      if (afterStart != null) {
        await(afterStart.apply(vertx, collector));
      }
    } catch (Exception e) {
      err.println("backtrack: " + Main.oneLine(e));
      err.flush();
      closeQuietly(vertx);
      return Main.EXIT_CANNOT_START;
    }
    out.println("backtrack listening on " + collector.baseUrl());
    out.flush();
    if (handleSignals) {
      // SIGTERM and Ctrl-C run the shutdown hooks: close the collector (pending writes reach
      // the file), then end with status 0, as a requested stop is not a failure.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        stop();
        try {
          if (stopped.await(CLOSE_TIMEOUT_SECONDS + 5, TimeUnit.SECONDS)) {
            Runtime.getRuntime().halt(0);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "backtrack-shutdown"));
    }
    awaitQuietly(stopRequested);
    try {
      await(collector.close());
    } catch (Exception e) {
      err.println("backtrack: closing failed: " + Main.oneLine(e));
    }
    closeQuietly(vertx);
    out.println("backtrack stopped");
    out.flush();
    stopped.countDown();
    return 0;
  }

  /** Vert.x's file cache goes under ~/.backtrack, never into the working directory. */
  static VertxOptions vertxOptions() {
    Path cache = BACKTRACK_HOME.resolve("vertx-cache");
    return new VertxOptions().setFileSystemOptions(
        new FileSystemOptions().setFileCacheDir(cache.toString()));
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture()
          .get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static void closeQuietly(Vertx vertx) {
    try {
      await(vertx.close());
    } catch (Exception ignored) {
      // Exiting anyway.
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
