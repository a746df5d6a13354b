package dev.backtrack.sdk.report;

import dev.backtrack.sdk.event.OutgoingCall;
import dev.backtrack.sdk.event.RequestEvent;
import java.time.Duration;

/**
 * Takes events from request threads and ships them to the collector in the background.
 *
 * <p>{@code record} only enqueues into a bounded buffer: it never blocks, does no I/O, encodes
 * nothing and never throws. When the buffer is full the oldest events are dropped and counted.
 */
public interface Reporter {

  /** Enqueues a finished request, together with the outgoing calls it made. */
  void record(RequestEvent event);

  /** Enqueues an outgoing call made outside of any request. */
  void record(OutgoingCall call);

  /** Events dropped since the start (buffer full, or a batch the collector refused). */
  long dropped();

  /**
   * Sends what is buffered now and waits until it is delivered or {@code timeout} passes.
   *
   * @return whether everything was delivered in time
   */
  boolean flush(Duration timeout);

  /** Stops the background thread after a last flush of at most {@code timeout}. */
  void close(Duration timeout);

  /** A reporter that drops everything at no cost (before start, or when disabled). */
  static Reporter noop() {
    return NoopReporter.INSTANCE;
  }

  /** Starts a buffered reporter with its daemon thread and a JVM shutdown hook. */
  static Reporter start(ReporterSettings settings, Transport transport) {
    BufferedReporter reporter = new BufferedReporter(settings, transport, new ProcessStats());
    reporter.start();
    return reporter;
  }
}
