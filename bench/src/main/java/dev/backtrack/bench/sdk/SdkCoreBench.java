package dev.backtrack.bench.sdk;

import dev.backtrack.sdk.error.ErrorFingerprint;
import dev.backtrack.sdk.event.ErrorInfo;
import dev.backtrack.sdk.event.OutgoingCall;
import dev.backtrack.sdk.event.RequestEvent;
import dev.backtrack.sdk.event.SqlTiming;
import dev.backtrack.sdk.report.BatchEncoder;
import dev.backtrack.sdk.sql.SqlNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The SDK's CPU-bound pieces: SQL normalization, fingerprints, batch encoding. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SdkCoreBench {
  private static final String SQL = "SELECT o.id, o.total, c.name FROM orders o JOIN customers c "
      + "ON c.id = o.customer_id WHERE o.status = 'open' AND o.total > 100.50 "
      + "AND o.id IN (1, 2, 3, 4, 5, 6, 7, 8) ORDER BY o.created_at DESC LIMIT 50";
  private Throwable error;
  private List<Object> batch;
  private List<Object> plainBatch;
  private final BatchEncoder.Instance instance =
      new BatchEncoder.Instance("bench", "host", 1, "bench/1");

  @Setup
  public void setUp() {
    error = deep(20);
    batch = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      batch.add(new RequestEvent(1732400000123L + i, "r-" + i, "c-" + i, null, "GET",
          "/users/{id}", 200, 1234 + i, 3, 800,
          List.of(new SqlTiming("select * from users where id = ?", 500)), 1, 300, null,
          List.of(new OutgoingCall(1732400000200L, "r-" + i, "/users/{id}", "GET",
              "api.example.com", 200, 300, false))));
    }
  }

  /** Events as a plain JSON route produces them: generated ids, no SQL, no outgoing calls. */
  @Setup
  public void setUpPlain() {
    plainBatch = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String id = String.format("%032x", 0x5eed_0000_0000_0000L + i * 7919L);
      plainBatch.add(new RequestEvent(1732400000123L + i, id, id, null, "GET", "/api/items/{id}",
          200, 87 + i % 50, 0, 0, null, 0, 0, null, null));
    }
  }

  private static Throwable deep(int depth) {
    if (depth == 0) {
      return new IllegalStateException("stock is negative");
    }
    return deep(depth - 1);
  }

  @Benchmark
  public String normalizeSql() {
    return SqlNormalizer.normalize(SQL);
  }

  @Benchmark
  public String fingerprint() {
    return ErrorFingerprint.of(error);
  }

  /** Fingerprint plus stack text: what a failing request costs on its thread. */
  @Benchmark
  public ErrorInfo errorInfo() {
    return ErrorInfo.of(error);
  }

  /** A batch of 1,000 events with one outgoing call each; divide by 1,000 per event. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public byte[] encodeBatchOf1000() {
    return BatchEncoder.encode("b", instance, batch, null);
  }

  /** A batch of 1,000 events of a plain route; divide by 1,000 per event. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public byte[] encodePlainBatchOf1000() {
    return BatchEncoder.encode("b", instance, plainBatch, null);
  }
}
