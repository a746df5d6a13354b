package dev.backtrack.bench.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load generator: {@code connections} keep one request each in flight against
 * a loopback server for a fixed time, recording every latency.
 */
final class LoadLoop {
  /** What one run measured. */
  record Result(long requests, long errors, double seconds, Histogram latencyMicros) {
    double throughput() {
      return requests / seconds;
    }

    double p50Micros() {
      return latencyMicros.getValueAtPercentile(50);
    }

    double p99Micros() {
      return latencyMicros.getValueAtPercentile(99);
    }
  }

  private final Vertx vertx;

  LoadLoop(Vertx vertx) {
    this.vertx = vertx;
  }

  Result run(int port, String path, int connections, long millis) throws InterruptedException {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(connections));
    Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(10), 3);
    long[] counts = new long[2];
    long start = System.nanoTime();
    long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
    CountDownLatch done = new CountDownLatch(connections);
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
        .setPort(port).setURI(path);
    for (int i = 0; i < connections; i++) {
      vertx.runOnContext(v -> next(client, options, histogram, counts, end, done));
    }
    // bounded, so that lost answers fail the run instead of hanging it
    if (!done.await(millis + 30_000, TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("answers missing after " + (millis + 30_000) + " ms");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    client.close().await();
    synchronized (counts) {
      return new Result(counts[0], counts[1], seconds, histogram);
    }
  }

  private void next(HttpClient client, RequestOptions options, Histogram histogram,
      long[] counts, long end, CountDownLatch done) {
    long begin = System.nanoTime();
    if (begin >= end) {
      done.countDown();
      return;
    }
    client.request(options).compose(req -> req.send()).compose(resp -> resp.body())
        .onComplete(ar -> {
          long micros = (System.nanoTime() - begin) / 1000;
          synchronized (counts) {
            if (ar.succeeded()) {
              counts[0]++;
              histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
            } else {
              counts[1]++;
            }
          }
          next(client, options, histogram, counts, end, done);
        });
  }
}
