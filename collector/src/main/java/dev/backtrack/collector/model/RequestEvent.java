package dev.backtrack.collector.model;

/**
 * One served request.
 *
 * @param tsMillis request start, ms since the epoch
 * @param durationMicros time to the response, in microseconds
 * @param db database work of the request, {@link DbStats#NONE} when there was none
 * @param out outgoing HTTP calls of the request, {@link OutStats#NONE} when there were none
 * @param error the exception, or null
 */
public record RequestEvent(
    long tsMillis,
    String requestId,
    String correlationId,
    String parentId,
    String method,
    String route,
    int status,
    long durationMicros,
    DbStats db,
    OutStats out,
    ErrorInfo error) {

  /** An error is a 5xx answer or a request that carried an exception. */
  public boolean isError() {
    return status >= 500 || error != null;
  }
}
