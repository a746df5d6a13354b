package dev.backtrack.collector.model;

/**
 * Which error group a request event belongs to, so that every error has one: the SDK's
 * fingerprint, else the exception type, else {@code status:<code>} for a 5xx without an
 * exception (see docs/storage.md).
 */
public final class ErrorGroups {
  private ErrorGroups() {}

  /** The group's fingerprint, or null when the event is not an error. */
  public static String fingerprintOf(RequestEvent event) {
    ErrorInfo error = event.error();
    if (error != null) {
      String fingerprint = error.fingerprint();
      return fingerprint == null || fingerprint.isEmpty() ? error.type() : fingerprint;
    }
    return event.status() >= 500 ? "status:" + event.status() : null;
  }

  /** The exception type shown for the group, or null when the event is not an error. */
  public static String typeOf(RequestEvent event) {
    if (event.error() != null) {
      return event.error().type();
    }
    return event.status() >= 500 ? "HTTP " + event.status() : null;
  }
}
