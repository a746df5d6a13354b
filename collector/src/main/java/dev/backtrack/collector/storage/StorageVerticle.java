package dev.backtrack.collector.storage;

import dev.backtrack.collector.CollectorOptions;
import dev.backtrack.collector.bus.Addresses;
import dev.backtrack.collector.model.Batch;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The one writer of the SQLite file; deploy it as a single worker instance. Batches arrive on
 * {@link Addresses#storageWrite()}; whatever is queued when the worker gets to it is written
 * as one group in one transaction (up to {@link #MAX_ROWS_PER_COMMIT} rows). Each sender gets
 * its reply after the commit, and each newly stored batch is then published on
 * {@link Addresses#stored()}.
 *
 * <p>Replies: {@code {"accepted": n}}, plus {@code "duplicate": true} for a batch id stored
 * before. Failures carry {@link #BUSY} when too much waits, {@link #CLOSING} once stopping
 * began, {@link #FAILED} when the write itself failed.
 */
public final class StorageVerticle extends VerticleBase {
  /** Failure code: the queue is full; the sender should retry shortly. */
  public static final int BUSY = 429;
  /** Failure code: the store is closing. */
  public static final int CLOSING = 503;
  /** Failure code: the database refused the write. */
  public static final int FAILED = 500;

  /** Rows written per transaction at most (a single larger batch still goes in one). */
  static final int MAX_ROWS_PER_COMMIT = 10_000;
  /** Rows allowed to wait for a commit before new batches are refused as busy. */
  static final int MAX_PENDING_ROWS = 200_000;
  static final long PRUNE_PERIOD_MILLIS = 60_000;
  /**
   * How long the first batch of a group waits for others, in ms. Each commit writes every
   * index page it touched, and correlation ids put rows all over their index: a group of
   * eight batches costs little more than a group of one.
   */
  static final long GROUP_LINGER_MILLIS = 3;

  private static final System.Logger LOG = System.getLogger(StorageVerticle.class.getName());

  private final CollectorOptions options;
  private final Addresses addresses;
  private final ArrayDeque<Message<Batch>> pending = new ArrayDeque<>();
  private final RouteCap routeCap = new RouteCap();
  private int pendingRows;
  private boolean flushScheduled;
  private boolean pruning;
  private boolean closing;
  private long pruneTimer = -1;
  private Connection connection;
  private BatchWriter writer;
  private Retention retention;
  private MessageConsumer<Batch> consumer;

  public StorageVerticle(CollectorOptions options) {
    this.options = options;
    this.addresses = new Addresses(options.busPrefix());
  }

  @Override
  public Future<?> start() {
    connection = Database.openWriter(options.db());
    try {
      Schema.migrate(connection, options.db());
      writer = new BatchWriter(connection);
      retention = new Retention(connection);
    } catch (SQLException e) {
      closeQuietly();
      throw new StorageException("cannot prepare database " + options.db() + ": "
          + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    }
    consumer = vertx.eventBus().consumer(addresses.storageWrite(), this::receive);
    prune();
    pruneTimer = vertx.setPeriodic(PRUNE_PERIOD_MILLIS, id -> prune());
    return consumer.completion();
  }

  private void receive(Message<Batch> message) {
    if (closing) {
      message.fail(CLOSING, "storage is closing");
      return;
    }
    int rows = Math.max(1, message.body().size());
    if (!pending.isEmpty() && pendingRows + rows > MAX_PENDING_ROWS) {
      message.fail(BUSY, "storage is busy");
      return;
    }
    pending.add(message);
    pendingRows += rows;
    if (!flushScheduled) {
      flushScheduled = true;
      if (pendingRows >= MAX_ROWS_PER_COMMIT) {
        // Runs after the messages already queued on this context, so they join the group.
        context.runOnContext(v -> flush());
      } else {
        vertx.setTimer(GROUP_LINGER_MILLIS, id -> flush());
      }
    }
  }

  private void flush() {
    flushScheduled = false;
    writeOneGroup();
    if (!pending.isEmpty() && !flushScheduled) {
      flushScheduled = true;
      context.runOnContext(v -> flush());
    }
  }

  private void writeOneGroup() {
    List<Message<Batch>> group = new ArrayList<>();
    List<Batch> batches = new ArrayList<>();
    int groupRows = 0;
    while (!pending.isEmpty()) {
      Message<Batch> next = pending.peek();
      int rows = Math.max(1, next.body().size());
      if (!group.isEmpty() && groupRows + rows > MAX_ROWS_PER_COMMIT) {
        break;
      }
      pending.poll();
      pendingRows -= rows;
      groupRows += rows;
      group.add(next);
      batches.add(routeCap.apply(next.body()));
    }
    if (group.isEmpty()) {
      return;
    }
    boolean[] duplicate;
    try {
      duplicate = writer.write(batches);
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.ERROR, "storing " + group.size() + " batches failed", e);
      for (Message<Batch> message : group) {
        message.fail(FAILED, "storage failed: " + e.getMessage());
      }
      return;
    }
    for (int i = 0; i < group.size(); i++) {
      Batch batch = batches.get(i);
      JsonObject reply = new JsonObject().put("accepted", batch.size());
      if (duplicate[i]) {
        reply.put("duplicate", true);
      }
      group.get(i).reply(reply);
      if (!duplicate[i]) {
        vertx.eventBus().publish(addresses.stored(), batch);
      }
    }
  }

  /** Starts a prune unless one is running; each chunk is its own task between writes. */
  private void prune() {
    if (pruning || closing) {
      return;
    }
    pruning = true;
    pruneStep(System.currentTimeMillis() - options.retentionSeconds() * 1000);
  }

  private void pruneStep(long cutoffMillis) {
    boolean more;
    try {
      more = !closing && retention.step(cutoffMillis);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "pruning old rows failed; retrying in a minute", e);
      more = false;
    }
    if (more) {
      context.runOnContext(v -> pruneStep(cutoffMillis));
    } else {
      pruning = false;
    }
  }

  /** Writes everything still queued, then closes the connection. */
  @Override
  public Future<?> stop() {
    closing = true;
    if (pruneTimer >= 0) {
      vertx.cancelTimer(pruneTimer);
    }
    Future<Void> unregistered = consumer == null ? Future.succeededFuture()
        : consumer.unregister();
    while (!pending.isEmpty()) {
      writeOneGroup();
    }
    closeQuietly();
    return unregistered;
  }

  private void closeQuietly() {
    try {
      if (writer != null) {
        writer.close();
      }
      if (retention != null) {
        retention.close();
      }
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "closing the database failed", e);
    }
  }
}
