package dev.backtrack.collector.query;

import dev.backtrack.collector.CollectorOptions;
import dev.backtrack.collector.bus.Addresses;
import dev.backtrack.collector.model.Batch;
import dev.backtrack.collector.scan.ScanCatalog;
import dev.backtrack.collector.scan.ScanOutcome;
import dev.backtrack.collector.scan.SourceScans;
import dev.backtrack.collector.storage.read.ReadStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Owns the in-memory rollups and the scan results; both are touched only on this verticle's
 * context. Consumes every stored batch, answers {@link QueryClient} requests, and on start
 * rebuilds the last hour from storage before it answers anything.
 */
final class QueryVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(QueryVerticle.class.getName());

  /** Change notifications are published at most this often, in ms. */
  private static final long CHANGED_EVERY_MILLIS = 200;

  private final CollectorOptions options;
  private final LongSupplier clockMillis;
  private final ScanCatalog scans = new ScanCatalog();
  private Rollups rollups;
  private ReadStore store;
  private QueryOps ops;
  private boolean replaying = true;
  private final List<Batch> arrivedWhileReplaying = new ArrayList<>();
  private long lastChangedMillis = Long.MIN_VALUE / 2;
  private long pruneTimer;

  QueryVerticle(CollectorOptions options, LongSupplier clockMillis) {
    this.options = options;
    this.clockMillis = clockMillis;
  }

  @Override
  public Future<?> start() {
    Addresses addresses = new Addresses(options.busPrefix());
    store = ReadStore.open(options.db());
    SourceScans sourceScans = new SourceScans(options.scans());
    // Listen first so that nothing stored during the replay is missed; such batches wait.
    MessageConsumer<Batch> stored =
        vertx.eventBus().consumer(addresses.stored(), message -> onStored(message.body()));
    Future<Rollups> replay = vertx.executeBlocking(this::replay, false);
    Future<List<ScanOutcome>> initialScans =
        vertx.executeBlocking(sourceScans::scanRoots, false);
    return Future.all(stored.completion(), replay, initialScans).compose(done -> {
      rollups = replay.result();
      initialScans.result().forEach(scans::put);
      replaying = false;
      arrivedWhileReplaying.forEach(rollups::apply);
      arrivedWhileReplaying.clear();
      ops = new QueryOps(vertx, rollups, scans, store, sourceScans);
      pruneTimer = vertx.setPeriodic(60_000, id -> rollups.prune());
      return vertx.eventBus()
          .<JsonObject>consumer(addresses.query(), ops::handle)
          .completion();
    });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(pruneTimer);
    return vertx.executeBlocking(() -> {
      store.close();
      return null;
    });
  }

  private Rollups replay() throws Exception {
    Rollups rebuilt = new Rollups(clockMillis);
    long from = clockMillis.getAsLong() - Window.MAX_SECONDS * 1000L;
    try {
      store.replay(from, new RollupReplay(rebuilt));
    } catch (Exception e) {
      // A damaged or foreign file must not keep the collector from starting.
      LOG.log(Level.WARNING, "could not replay stored history; starting empty", e);
      return new Rollups(clockMillis);
    }
    return rebuilt;
  }

  private void onStored(Batch batch) {
    if (replaying) {
      arrivedWhileReplaying.add(batch);
      return;
    }
    rollups.apply(batch);
    // Wall time on purpose: the throttle is about this process, not the events' clock.
    long now = System.nanoTime() / 1_000_000;
    if (now - lastChangedMillis >= CHANGED_EVERY_MILLIS) {
      lastChangedMillis = now;
      vertx.eventBus().publish(QueryClient.changedAddress(new Addresses(options.busPrefix())),
          null);
    }
  }
}
