package dev.backtrack.sdk.report;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How a {@link Reporter} batches and where the batches say they come from.
 *
 * @param service the service name, 1-128 chars
 * @param sdk the SDK name and version, e.g. {@code backtrack-servlet/0.1.0}
 * @param bufferSize events buffered at most; beyond that the oldest are dropped and counted
 * @param flushIntervalMillis time between flushes, milliseconds
 * @param heartbeatIntervalMillis time between heartbeats, milliseconds
 * @param maxBatchEvents events and outgoing calls per batch at most (larger flushes are split)
 * @param maxBackoffMillis longest wait between retries of a failed batch, milliseconds
 * @param inFlight supplies the number of requests being served right now
 */
public record ReporterSettings(String service, String sdk, int bufferSize,
    long flushIntervalMillis, long heartbeatIntervalMillis, int maxBatchEvents,
    long maxBackoffMillis, LongSupplier inFlight) {

  /** Default {@link #maxBatchEvents}: 2,000, well under the protocol's 10,000. */
  public static final int DEFAULT_MAX_BATCH_EVENTS = 2000;
  /** Default {@link #maxBackoffMillis}: 10 seconds. */
  public static final long DEFAULT_MAX_BACKOFF_MILLIS = 10_000;

  public ReporterSettings {
    Objects.requireNonNull(service, "service");
    if (service.isBlank() || service.length() > 128) {
      throw new IllegalArgumentException("service must be 1-128 characters: '" + service + "'");
    }
    for (int i = 0; i < service.length(); i++) {
      if (Character.isISOControl(service.charAt(i))) {
        throw new IllegalArgumentException("service must not contain control characters");
      }
    }
    sdk = sdk == null ? "backtrack-java" : sdk;
    if (bufferSize < 1) {
      throw new IllegalArgumentException("bufferSize must be at least 1: " + bufferSize);
    }
    if (flushIntervalMillis < 1 || heartbeatIntervalMillis < 1 || maxBackoffMillis < 1) {
      throw new IllegalArgumentException("intervals must be at least 1 ms");
    }
    if (maxBatchEvents < 1 || maxBatchEvents > 10_000) {
      throw new IllegalArgumentException("maxBatchEvents must be 1-10000: " + maxBatchEvents);
    }
    inFlight = inFlight == null ? () -> 0 : inFlight;
  }

  /** Settings with the defaults for everything but the service name and SDK name. */
  public static ReporterSettings defaults(String service, String sdk) {
    return new ReporterSettings(service, sdk, 5000, 1000, 5000, DEFAULT_MAX_BATCH_EVENTS,
        DEFAULT_MAX_BACKOFF_MILLIS, null);
  }
}
