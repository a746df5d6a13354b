package dev.backtrack.scanner.source;

/** A source file that could not be read or parsed; the message says why, for a human. */
public final class UnreadableSourceException extends Exception {
  private static final long serialVersionUID = 1L;

  public UnreadableSourceException(String message) {
    super(message);
  }
}
