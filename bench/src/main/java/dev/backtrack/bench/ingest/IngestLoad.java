package dev.backtrack.bench.ingest;

import dev.backtrack.collector.Collector;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Ingest load generator: several clients post realistic gzip batches back to back for a
 * while, and the run reports the sustained rate of <em>committed</em> events (only 200
 * answers count) with the ingest latency, then a raw sqlite-jdbc baseline.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.backtrack.bench.ingest.IngestLoad \
 *     [--url http://127.0.0.1:9876/ingest] [--seconds 30] [--warmup 5] [--clients 8]
 *     [--events 500] [--token T] [--no-baseline]
 * </pre>
 * Without {@code --url} it starts an embedded collector on a temporary database.
 */
public final class IngestLoad {
  private final Map<String, String> args;
  private final LongAdder committedItems = new LongAdder();
  private final LongAdder committedEvents = new LongAdder();
  private final LongAdder committedBatches = new LongAdder();
  private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
  private final Recorder latencies = new Recorder(3);
  private volatile boolean running = true;
  private volatile boolean measuring;

  private IngestLoad(Map<String, String> args) {
    this.args = args;
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new java.util.HashMap<>();
    for (int i = 0; i < argv.length; i++) {
      if (argv[i].equals("--no-baseline")) {
        args.put("no-baseline", "true");
      } else if (argv[i].startsWith("--") && i + 1 < argv.length) {
        args.put(argv[i].substring(2), argv[++i]);
      }
    }
    new IngestLoad(args).run();
    System.exit(0);
  }

  private int intArg(String name, int fallback) {
    return Integer.parseInt(args.getOrDefault(name, String.valueOf(fallback)));
  }

  private void run() throws Exception {
    int seconds = intArg("seconds", 30);
    int warmup = intArg("warmup", 5);
    int clients = intArg("clients", 8);
    BatchBodies bodies = new BatchBodies(intArg("events", 500), 42);
    Vertx vertx = Vertx.vertx();
    Path tmp = Files.createTempDirectory("backtrack-bench");
    Collector collector = null;
    URI target;
    if (args.containsKey("url")) {
      target = URI.create(args.get("url"));
    } else {
      collector = await(Collector.deploy(vertx, new JsonObject().put("port", 0)
          .put("db", tmp.resolve("ingest.db").toString()).put("retention_s", 86_400)));
      target = URI.create(collector.ingestEndpoint());
    }
    System.out.printf("target %s, %d clients, %d events + %d other items per batch, gzip%n",
        target, clients, bodies.eventsPerBatch(),
        bodies.itemsPerBatch() - bodies.eventsPerBatch());
    HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(clients));
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
        .setHost(target.getHost()).setPort(target.getPort()).setURI(target.getPath())
        .putHeader("Content-Type", "application/json").putHeader("Content-Encoding", "gzip");
    if (args.containsKey("token")) {
      request.putHeader("Authorization", "Bearer " + args.get("token"));
    }
    ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "bodies-refresh");
      thread.setDaemon(true);
      return thread;
    });
    refresher.scheduleAtFixedRate(bodies::refresh, 1, 1, TimeUnit.SECONDS);
    for (int c = 0; c < clients; c++) {
      vertx.runOnContext(v -> loop(http, request, bodies));
    }
    Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
    latencies.reset();
    committedItems.reset();
    committedEvents.reset();
    committedBatches.reset();
    statuses.clear();
    measuring = true;
    long cpuAtStart = processCpuNanos();
    long start = System.nanoTime();
    Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    measuring = false;
    double elapsed = (System.nanoTime() - start) / 1e9;
    long cpu = processCpuNanos() - cpuAtStart;
    running = false;
    refresher.shutdownNow();
    Histogram histogram = latencies.getIntervalHistogram();
    System.out.printf("committed events/s     %,.0f%n", committedEvents.sum() / elapsed);
    System.out.printf("committed items/s      %,.0f  (events + outgoing + heartbeats)%n",
        committedItems.sum() / elapsed);
    System.out.printf("batches/s              %,.1f%n", committedBatches.sum() / elapsed);
    System.out.printf("ingest latency ms      p50 %.1f  p99 %.1f  max %.1f%n",
        histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(99) / 1e3,
        histogram.getMaxValue() / 1e3);
    System.out.printf("answers                %s%n", statuses);
    // CPU time, unlike the rate, holds still when other processes load the machine.
    System.out.printf("cpu per 1k events ms   %.1f  (this process: collector + load)%n",
        cpu / 1e6 / Math.max(1, committedEvents.sum() / 1000.0));
    Thread.sleep(500);
    if (collector != null) {
      await(collector.close());
    }
    await(vertx.close());
    if (!args.containsKey("no-baseline")) {
      double baseline = SqliteBaseline.run(tmp.resolve("baseline.db"), 5, bodies);
      System.out.printf("ingest / baseline      %.2f%n",
          committedEvents.sum() / elapsed / baseline);
    }
  }

  private void loop(HttpClient http, RequestOptions request, BatchBodies bodies) {
    if (!running) {
      return;
    }
    long sent = System.nanoTime();
    http.request(request)
        .compose(r -> r.send(bodies.next()))
        .compose(response -> response.body().map(body -> {
          boolean measured = measuring;
          if (measured) {
            statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong())
                .incrementAndGet();
          }
          if (measured && response.statusCode() == 200) {
            JsonObject answer = body.toJsonObject();
            if (!answer.getBoolean("duplicate", false)) {
              committedItems.add(answer.getInteger("accepted"));
              committedEvents.add(bodies.eventsPerBatch());
              committedBatches.increment();
            }
            latencies.recordValue((System.nanoTime() - sent) / 1_000);
          }
          return null;
        }))
        .onComplete(done -> {
          if (done.failed() && running) {
            System.err.println("request failed: " + done.cause());
          }
          loop(http, request, bodies);
        });
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
