package dev.backtrack.bench.ab;

import dev.backtrack.sdk.report.Transport;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A transport that only counts the bytes of the batches it is handed and answers 200: the
 * A/Bs' way of measuring what the SDK costs without a collector's work on the same cores.
 */
public final class CountingTransport implements Transport {
  private final AtomicLong bytes = new AtomicLong();

  @Override
  public int send(byte[] json) {
    return send(json, json.length);
  }

  @Override
  public int send(byte[] buffer, int length) {
    bytes.addAndGet(length);
    return 200;
  }

  /** Bytes counted so far. */
  public long bytes() {
    return bytes.get();
  }
}
