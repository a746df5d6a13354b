package dev.backtrack.collector.query;

/** A query named something that does not exist, such as an unknown error fingerprint. */
final class NotFoundException extends RuntimeException {
  NotFoundException(String message) {
    super(message);
  }
}
