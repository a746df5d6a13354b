package dev.backtrack.sdk.report;

import dev.backtrack.sdk.event.ErrorInfo;
import dev.backtrack.sdk.event.Heartbeat;
import dev.backtrack.sdk.event.OutgoingCall;
import dev.backtrack.sdk.event.RequestEvent;
import dev.backtrack.sdk.event.SqlTiming;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reporter: request threads enqueue into an {@link EventBuffer}; one daemon thread drains it
 * every flush interval, encodes batches, and sends them through the {@link Transport}, retrying a
 * failed batch with the same {@code batch_id} and a growing pause.
 */
final class BufferedReporter implements Reporter {
  private static final System.Logger LOG = System.getLogger("dev.backtrack.sdk");
  /** Encoded batches stay below about this many bytes (the collector allows 32 MiB decoded). */
  static final int MAX_BATCH_CHARS = 8 * 1024 * 1024;

  private final ReporterSettings settings;
  private final Transport transport;
  private final ProcessStats stats;
  private final EventBuffer buffer;
  private final AtomicLong refused = new AtomicLong();
  private final Object wake = new Object();
  private final Thread thread;
  private final Thread shutdownHook;

  /** Items taken from the buffer that did not fit into the last batch. Reporter thread only. */
  private final ArrayDeque<Object> carry = new ArrayDeque<>();
  private volatile Pending pending;
  private int failures;
  private long retryAtMillis;
  private long nextHeartbeatMillis;
  private boolean warned;
  private BatchEncoder.Instance instance;

  private volatile boolean closing;
  private volatile boolean flushNow;
  private volatile boolean idle = true;

  /** An encoded batch waiting to be delivered. */
  private record Pending(String batchId, byte[] json, int items) {}

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
      if (buffer.size() == 0 && idle && !flushNow && pending == null) {
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
    nextHeartbeatMillis = System.currentTimeMillis() + settings.heartbeatIntervalMillis();
    long nextFlush = System.currentTimeMillis() + settings.flushIntervalMillis();
    while (!closing) {
      try {
        synchronized (wake) {
          long wait = nextFlush - System.currentTimeMillis();
          if (wait > 0 && !closing && !flushNow) {
            wake.wait(wait);
          }
        }
        long now = System.currentTimeMillis();
        boolean forced = flushNow;
        if (now >= nextFlush || forced) {
          idle = false;
          flushNow = false;
          flushOnce(now, forced);
          idle = true;
          nextFlush = now + settings.flushIntervalMillis();
        }
      } catch (InterruptedException e) {
        break;
      } catch (RuntimeException | Error e) {
        idle = true;
        warnOnce("backtrack reporter hit an unexpected error; it keeps running", e);
      }
    }
    finalFlush();
  }

  /** One tick: the pending batch first, then as many new batches as the buffer holds. */
  void flushOnce(long now, boolean ignoreBackoff) throws InterruptedException {
    if (pending != null) {
      if (now < retryAtMillis && !ignoreBackoff) {
        return;
      }
      if (!deliver()) {
        return;
      }
    }
    boolean heartbeatDue = now >= nextHeartbeatMillis;
    while (true) {
      List<Object> items = take();
      if (items.isEmpty() && !heartbeatDue) {
        return;
      }
      Heartbeat heartbeat = null;
      if (heartbeatDue) {
        heartbeat = heartbeat(now);
        heartbeatDue = false;
        nextHeartbeatMillis = now + settings.heartbeatIntervalMillis();
      }
      String batchId = UUID.randomUUID().toString();
      byte[] json = BatchEncoder.encode(batchId, instance(), items, heartbeat);
      pending = new Pending(batchId, json, items.size());
      if (!deliver()) {
        return;
      }
      if (buffer.size() == 0 && carry.isEmpty()) {
        return;
      }
    }
  }

  /** Up to one batch worth of items: by count (incl. their outgoing calls) and by size. */
  private List<Object> take() {
    int max = settings.maxBatchEvents();
    if (carry.size() < max) {
      List<Object> more = new ArrayList<>();
      buffer.drainTo(more, max - carry.size());
      carry.addAll(more);
    }
    List<Object> items = new ArrayList<>(Math.min(carry.size(), max));
    int weight = 0;
    long chars = 0;
    while (!carry.isEmpty()) {
      Object next = carry.peekFirst();
      int w = weight(next);
      long c = approxChars(next);
      if (!items.isEmpty() && (weight + w > max || chars + c > MAX_BATCH_CHARS)) {
        break;
      }
      items.add(carry.pollFirst());
      weight += w;
      chars += c;
    }
    return items;
  }

  private static int weight(Object item) {
    return item instanceof RequestEvent e ? 1 + e.outgoing().size() : 1;
  }

  private static long approxChars(Object item) {
    if (!(item instanceof RequestEvent e)) {
      return 250;
    }
    long chars = 400 + 250L * e.outgoing().size();
    for (SqlTiming t : e.slowest()) {
      chars += 2L * t.sql().length() + 20;
    }
    ErrorInfo err = e.error();
    if (err != null) {
      // escaping can grow text; a stack is mostly tabs and newlines (2 chars each)
      chars += 2L * (err.message() == null ? 0 : err.message().length())
          + 2L * (err.stack() == null ? 0 : err.stack().length());
    }
    return chars;
  }

  /** Sends the pending batch. True when it is gone (delivered or refused for good). */
  private boolean deliver() throws InterruptedException {
    Pending batch = pending;
    int status;
    try {
      status = transport.send(batch.json());
    } catch (IOException e) {
      retryLater("backtrack collector unreachable; events are buffered and retried", e);
      return false;
    } catch (RuntimeException e) {
      retryLater("backtrack could not send a batch; it is retried", e);
      return false;
    }
    if (status >= 200 && status < 300) {
      pending = null;
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
    pending = null;
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
