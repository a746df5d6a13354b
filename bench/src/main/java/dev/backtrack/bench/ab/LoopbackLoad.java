package dev.backtrack.bench.ab;

import com.sun.management.OperatingSystemMXBean;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load generator over loopback: {@code connections} keep one request each in
 * flight for a fixed time, each connection cycling through the given paths, and every latency
 * is recorded. Runs on the caller's single-event-loop {@link Vertx}, so the client costs one
 * core at most.
 */
public final class LoopbackLoad {
  /**
   * What one run measured; {@code errors} counts failures and answers other than 200, and
   * {@code cpuNanos} is the CPU time used meanwhile: this process's (the load generator, and
   * the app when it runs here), plus the app's own process when {@link AbRounds} adds it.
   */
  public record Result(long requests, long errors, double seconds, long cpuNanos,
      Histogram latencyMicros) {
    public double throughput() {
      return requests / seconds;
    }

    /** Process CPU time per answered request, in microseconds. */
    public double cpuMicrosPerRequest() {
      return requests == 0 ? 0 : cpuNanos / 1000.0 / requests;
    }

    public double p50Micros() {
      return latencyMicros.getValueAtPercentile(50);
    }

    public double p99Micros() {
      return latencyMicros.getValueAtPercentile(99);
    }

    /** The same run with {@code nanos} more CPU time: the app's, in a process of its own. */
    public Result withCpu(long nanos) {
      return new Result(requests, errors, seconds, cpuNanos + nanos, latencyMicros);
    }

    /** This run and {@code other} as one. */
    public Result plus(Result other) {
      Histogram sum = latencyMicros.copy();
      sum.add(other.latencyMicros);
      return new Result(requests + other.requests, errors + other.errors,
          seconds + other.seconds, cpuNanos + other.cpuNanos, sum);
    }
  }

  private static final OperatingSystemMXBean PROCESS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final Vertx vertx;

  public LoopbackLoad(Vertx vertx) {
    this.vertx = vertx;
  }

  public Result run(int port, List<String> paths, int connections, long millis)
      throws InterruptedException {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(connections));
    Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(10), 3);
    long[] counts = new long[2];
    long cpuStart = PROCESS.getProcessCpuTime();
    long start = System.nanoTime();
    long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
    CountDownLatch done = new CountDownLatch(connections);
    for (int i = 0; i < connections; i++) {
      int first = i;
      vertx.runOnContext(v -> new Connection(client, port, paths, first, histogram, counts, end,
          done).next());
    }
    // bounded, so that lost answers fail the run instead of hanging it
    if (!done.await(millis + 30_000, TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("answers missing after " + (millis + 30_000) + " ms");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long cpuNanos = PROCESS.getProcessCpuTime() - cpuStart;
    client.close().await();
    synchronized (counts) {
      return new Result(counts[0], counts[1], seconds, cpuNanos, histogram);
    }
  }

  /** One virtual user: sends the next path as soon as the previous answer arrived. */
  private static final class Connection {
    private final HttpClient client;
    private final int port;
    private final List<String> paths;
    private final Histogram histogram;
    private final long[] counts;
    private final long end;
    private final CountDownLatch done;
    private int turn;

    Connection(HttpClient client, int port, List<String> paths, int turn, Histogram histogram,
        long[] counts, long end, CountDownLatch done) {
      this.client = client;
      this.port = port;
      this.paths = paths;
      this.turn = turn;
      this.histogram = histogram;
      this.counts = counts;
      this.end = end;
      this.done = done;
    }

    void next() {
      long begin = System.nanoTime();
      if (begin >= end) {
        done.countDown();
        return;
      }
      RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
          .setHost("127.0.0.1").setPort(port).setURI(paths.get(turn++ % paths.size()));
      client.request(options)
          .compose(req -> req.send())
          .compose(resp -> resp.body().map(body -> resp.statusCode()))
          .onComplete(ar -> {
            long micros = (System.nanoTime() - begin) / 1000;
            synchronized (counts) {
              if (ar.succeeded() && ar.result() == 200) {
                counts[0]++;
                histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
              } else {
                counts[1]++;
              }
            }
            next();
          });
    }
  }
}
