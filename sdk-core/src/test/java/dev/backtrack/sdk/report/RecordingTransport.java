package dev.backtrack.sdk.report;

import dev.backtrack.sdk.json.TinyJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/** An in-memory collector stand-in: keeps every batch and answers what it is told to. */
final class RecordingTransport implements Transport {
  final List<Map<String, Object>> batches = new CopyOnWriteArrayList<>();
  volatile IntSupplier answer = () -> 200;

  @Override
  public int send(byte[] json) throws IOException {
    batches.add(TinyJson.object(new String(json, StandardCharsets.UTF_8)));
    int status = answer.getAsInt();
    if (status < 0) {
      throw new IOException("connection refused (simulated)");
    }
    return status;
  }
}
