package dev.backtrack.sdk.report;

import dev.backtrack.sdk.event.Heartbeat;
import dev.backtrack.sdk.event.OutgoingCall;
import dev.backtrack.sdk.event.RequestEvent;
import dev.backtrack.sdk.trace.RequestContext;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reporter: request threads enqueue into an {@link EventBuffer}; one daemon thread empties
 * it into the batch being encoded every {@link #ENCODE_INTERVAL_MILLIS} while events arrive,
 * every {@link #BUSY_ENCODE_INTERVAL_MILLIS} while many do, else once per flush; it sends a
 * batch as soon as it is full and the rest every flush interval through the {@link Transport},
 * and retries a failed batch with the same {@code batch_id} and a growing pause.
 *
 * <p>Encoding soon after recording, rather than once per flush, matters in a busy application:
 * events waiting a whole second on the heap outlive young collections and are copied by the
 * garbage collector, which costs the application more than the encoding itself. Emptying the
 * buffer every few milliseconds under load matters as much: the buffer's arrays then stay a few
 * hundred kilobytes, which the processor's caches keep for the request threads that write them
 * and for this thread that reads them. Emptied every 100 ms at 100,000 requests per second,
 * they grew to megabytes, and the misses on them cost the application about as much again as
 * the encoding.
 */
final class BufferedReporter implements Reporter {
  private static final System.Logger LOG = System.getLogger("dev.backtrack.sdk");
  /** Encoded batches stay below about this many bytes (the collector allows 32 MiB decoded). */
  static final int MAX_BATCH_BYTES = 8 * 1024 * 1024;
  /** How often buffered events are encoded between flushes. */
  static final long ENCODE_INTERVAL_MILLIS = 100;
  /** The same while {@link #BUSY_EVENTS} or more arrive per encoding. */
  static final long BUSY_ENCODE_INTERVAL_MILLIS = 10;
  static final int BUSY_EVENTS = 64;

  private final ReporterSettings settings;
  private final Transport transport;
  private final ProcessStats stats;
  private final EventBuffer buffer;
  private final AtomicLong refused = new AtomicLong();
  private final Object wake = new Object();
  private final Thread thread;
  private final Thread shutdownHook;

  /** The batch being encoded. Reporter thread only. */
  private final BatchEncoder open = new BatchEncoder();
  /** Encoded batches, oldest first, waiting to be delivered. Reporter thread only. */
  private final ArrayDeque<Pending> ready = new ArrayDeque<>();
  /** Items encoded, not yet delivered (open and ready batches). Reporter thread only. */
  private int undelivered;
  /** {@link #undelivered} as last published for {@link #flush} to read. */
  private volatile int encodedItems;
  /** Hands drained items to the open batch. */
  private final EventBuffer.Sink encoder = new EventBuffer.Sink() {
    @Override
    public void item(Object item) {
      encode(item);
    }

    @Override
    public void event(FlatEvent event) {
      makeRoomFor(1);
      open.add(event);
      undelivered++;
      closeIfFull();
    }
  };
  private int failures;
  private long retryAtMillis;
  private long nextHeartbeatMillis;
  private boolean warned;
  private BatchEncoder.Instance instance;

  private volatile boolean closing;
  private volatile boolean flushNow;
  private volatile boolean idle = true;

  /** An encoded batch waiting to be delivered: the first {@code length} bytes of {@code json}. */
  private record Pending(byte[] json, int length, int items) {}

  BufferedReporter(ReporterSettings settings, Transport transport, ProcessStats stats) {
    this.settings = settings;
    this.transport = transport;
    this.stats = stats;
    this.buffer = new EventBuffer(settings.bufferSize());
    this.thread = new Thread(this::run, "backtrack-reporter");
    this.thread.setDaemon(true);
    this.shutdownHook = new Thread(() -> close(Duration.ofSeconds(2)), "backtrack-shutdown");
  }

  void start() {
    thread.start();
    try {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // nothing to hook into; close() still flushes when called
    }
  }

  @Override
  public void record(RequestEvent event) {
    if (event != null) {
      buffer.add(event);
    }
  }

  @Override
  public void finish(RequestContext ctx, String routeTemplate, int status, Throwable error) {
    if (error != null || !ctx.finishPlain(routeTemplate, status, buffer)) {
      record(ctx.finish(routeTemplate, status, error));
    }
  }

  @Override
  public void record(OutgoingCall call) {
    if (call != null) {
      buffer.add(call);
    }
  }

  @Override
  public long dropped() {
    return buffer.dropped() + refused.get();
  }

  @Override
  public boolean flush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    flushNow = true;
    wakeUp();
    while (System.nanoTime() < deadline) {
      if (buffer.size() == 0 && idle && !flushNow && encodedItems == 0) {
        return true;
      }
      if (!thread.isAlive()) {
        return buffer.size() == 0;
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  @Override
  public void close(Duration timeout) {
    closing = true;
    wakeUp();
    if (Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to: fine
      }
    }
    try {
      thread.join(Math.max(1, timeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      thread.interrupt();
    }
    transport.close();
  }

  private void wakeUp() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  private void run() {
    long now = System.currentTimeMillis();
    nextHeartbeatMillis = now + settings.heartbeatIntervalMillis();
    long flushInterval = settings.flushIntervalMillis();
    long nextFlush = now + flushInterval;
    long encodeInterval = encodeIntervalAfter(0, flushInterval);
    boolean busy = false;
    while (!closing) {
      try {
        synchronized (wake) {
          long until = busy ? Math.min(nextFlush, now + encodeInterval) : nextFlush;
          long wait = until - System.currentTimeMillis();
          if (wait > 0 && !closing && !flushNow) {
            wake.wait(wait);
          }
        }
        now = System.currentTimeMillis();
        boolean forced = flushNow;
        idle = false;
        if (now >= nextFlush || forced) {
          flushNow = false;
          flushOnce(now, forced);
          nextFlush = now + flushInterval;
          busy = true; // look again soon; an idle application wakes this thread twice a flush
        } else {
          int encoded = encodeOnce();
          busy = encoded > 0;
          encodeInterval = encodeIntervalAfter(encoded, flushInterval);
        }
        encodedItems = undelivered;
        idle = true;
      } catch (InterruptedException e) {
        break;
      } catch (RuntimeException | Error e) {
        encodedItems = undelivered;
        idle = true;
        warnOnce("backtrack reporter hit an unexpected error; it keeps running", e);
      }
    }
    finalFlush();
  }

  /** The pause before the next encoding, after one that took {@code encoded} items. */
  static long encodeIntervalAfter(int encoded, long flushIntervalMillis) {
    return Math.min(flushIntervalMillis,
        encoded >= BUSY_EVENTS ? BUSY_ENCODE_INTERVAL_MILLIS : ENCODE_INTERVAL_MILLIS);
  }

  /**
   * Between flushes: encodes what is buffered and sends the batches that filled up. While a
   * batch waits to be retried, new events stay in the (bounded) buffer instead.
   *
   * @return how many items were encoded
   */
  int encodeOnce() throws InterruptedException {
    if (!ready.isEmpty()) {
      return 0;
    }
    int encoded = buffer.drain(encoder);
    deliverReady();
    return encoded;
  }

  /**
   * One flush: the batches waiting first (unless backing off), then everything buffered, the
   * last batch carrying the heartbeat when one is due.
   */
  void flushOnce(long now, boolean ignoreBackoff) throws InterruptedException {
    if (failures > 0 && now < retryAtMillis && !ignoreBackoff) {
      return;
    }
    if (!deliverReady()) {
      return;
    }
    buffer.drain(encoder);
    Heartbeat heartbeat = null;
    if (now >= nextHeartbeatMillis) {
      heartbeat = heartbeat(now);
      nextHeartbeatMillis = now + settings.heartbeatIntervalMillis();
    }
    if (open.items() > 0 || heartbeat != null) {
      closeBatch(heartbeat);
    }
    deliverReady();
  }

  private void encode(Object item) {
    int weight = item instanceof RequestEvent e ? 1 + e.outgoing().size() : 1;
    makeRoomFor(weight);
    open.add(item);
    undelivered += weight;
    closeIfFull();
  }

  /** Closes the open batch first when {@code weight} more items would not fit in it. */
  private void makeRoomFor(int weight) {
    if (open.items() > 0 && open.items() + weight > settings.maxBatchEvents()) {
      closeBatch(null);
    }
  }

  private void closeIfFull() {
    if (open.items() >= settings.maxBatchEvents() || open.bytes() >= MAX_BATCH_BYTES) {
      closeBatch(null);
    }
  }

  /**
   * Puts the open batch together in the encoder's buffer and queues it from there: most batches
   * are delivered before the next one is put together, and need no array of their own (a new
   * one per batch streamed megabytes a second through the caches that the application's threads
   * use). One still waiting when the buffer is needed again is copied out first.
   */
  private void closeBatch(Heartbeat heartbeat) {
    Pending last = ready.peekLast();
    if (last != null && last.json() == open.batch()) {
      ready.pollLast();
      ready.addLast(new Pending(Arrays.copyOf(last.json(), last.length()), last.length(),
          last.items()));
    }
    int items = open.items();
    int length = open.finishInPlace(UUID.randomUUID().toString(), instance(), heartbeat);
    ready.addLast(new Pending(open.batch(), length, items));
  }

  /** Sends the waiting batches in order. True when none is left. */
  private boolean deliverReady() throws InterruptedException {
    while (!ready.isEmpty()) {
      if (!deliver(ready.peekFirst())) {
        return false;
      }
      undelivered -= ready.pollFirst().items();
    }
    return true;
  }

  /** Sends one batch. True when it is gone (delivered or refused for good). */
  private boolean deliver(Pending batch) throws InterruptedException {
    int status;
    try {
      status = transport.send(batch.json(), batch.length());
    } catch (IOException e) {
      retryLater("backtrack collector unreachable; events are buffered and retried", e);
      return false;
    } catch (RuntimeException e) {
      retryLater("backtrack could not send a batch; it is retried", e);
      return false;
    }
    if (status >= 200 && status < 300) {
      failures = 0;
      if (warned) {
        warned = false;
        LOG.log(Level.INFO, "backtrack collector reachable again");
      }
      return true;
    }
    if (status == 429 || status >= 500) {
      retryLater("backtrack collector answered " + status + "; the batch is retried", null);
      return false;
    }
    // 400, 401, 403, 413, 415...: sending it again cannot help
    refused.addAndGet(batch.items());
    LOG.log(Level.WARNING, "backtrack collector refused a batch with status " + status
        + "; " + batch.items() + " events dropped");
    return true;
  }

  private void retryLater(String message, Throwable cause) {
    failures++;
    long backoff = Math.min(settings.maxBackoffMillis(),
        settings.flushIntervalMillis() << Math.min(failures - 1, 20));
    retryAtMillis = System.currentTimeMillis() + backoff;
    warnOnce(message + " (" + settings.service() + ")", cause);
  }

  private void warnOnce(String message, Throwable cause) {
    if (!warned) {
      warned = true;
      if (cause == null) {
        LOG.log(Level.WARNING, message);
      } else {
        LOG.log(Level.WARNING, message + ": " + cause);
      }
    }
  }

  /** On close: one more attempt for everything, without waiting on backoff. */
  private void finalFlush() {
    try {
      long now = System.currentTimeMillis();
      nextHeartbeatMillis = now;
      flushOnce(now, true);
    } catch (InterruptedException | RuntimeException e) {
      // closing: whatever did not make it is lost, as documented
    }
  }

  private Heartbeat heartbeat(long now) {
    return new Heartbeat(now, stats.cpuPercent(), stats.rssBytes(),
        settings.inFlight().getAsLong(), dropped());
  }

  /** Resolved on this thread: a host name lookup may be slow. */
  private BatchEncoder.Instance instance() {
    if (instance == null) {
      instance = new BatchEncoder.Instance(settings.service(), hostName(),
          ProcessHandle.current().pid(), settings.sdk());
    }
    return instance;
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    try {
      String name = InetAddress.getLocalHost().getHostName();
      if (name != null && !name.isBlank()) {
        return name.length() > 255 ? name.substring(0, 255) : name;
      }
    } catch (IOException | RuntimeException e) {
      // fall through
    }
    return env == null || env.isBlank() ? "unknown" : env;
  }
}
