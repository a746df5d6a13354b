package dev.backtrack.collector.ingest;

/**
 * Bad input to {@code /ingest}: the HTTP status to answer, what is wrong and where (a JSON
 * path such as {@code events[3].status}, or {@code body}, {@code Content-Type}). Carries no
 * stack trace: it is an answer, not a bug.
 */
final class BadInputException extends RuntimeException {
  private final int status;
  private final String where;

  BadInputException(int status, String message, String where) {
    super(message, null, false, false);
    this.status = status;
    this.where = where;
  }

  static BadInputException badRequest(String message, String where) {
    return new BadInputException(400, message, where);
  }

  int status() {
    return status;
  }

  /** The JSON path or header at fault, or null when there is no better place to name. */
  String where() {
    return where;
  }
}
