package dev.backtrack.collector.storage;

/** The store cannot be opened or used; the message is fit to show a user as one line. */
public final class StorageException extends RuntimeException {
  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
