package dev.backtrack.sdk.report;

import java.io.IOException;

/** Delivers one encoded batch to the collector. Called only from the reporter's own thread. */
public interface Transport {

  /**
   * Sends one batch.
   *
   * @param json the batch, UTF-8 JSON
   * @return the HTTP status the collector answered
   * @throws IOException when no answer came (connection refused, timeout, reset)
   * @throws InterruptedException when the reporter is shutting down
   */
  int send(byte[] json) throws IOException, InterruptedException;

  /** Releases connections; the default does nothing. */
  default void close() {}
}
