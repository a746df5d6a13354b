package dev.backtrack.collector.http.api;

/** A query parameter or body field that is malformed; answered {@code 400} with {@code where}. */
final class BadParameterException extends RuntimeException {
  private final String where;

  BadParameterException(String where, String message) {
    super(message);
    this.where = where;
  }

  String where() {
    return where;
  }
}
