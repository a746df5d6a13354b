package dev.backtrack.sdk.report;

import java.io.IOException;
import java.util.Arrays;

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

  /**
   * Sends the batch held in the first {@code length} bytes of {@code buffer}, which the reporter
   * reuses for its next batch once this returns. The default copies them for
   * {@link #send(byte[])}; a transport that is done with the bytes when it returns may use them
   * as they are.
   */
  default int send(byte[] buffer, int length) throws IOException, InterruptedException {
    return send(Arrays.copyOf(buffer, length));
  }

  /** Releases connections; the default does nothing. */
  default void close() {}
}
