package dev.backtrack.bench.sdk;

import dev.backtrack.sdk.report.Reporter;
import dev.backtrack.sdk.report.ReporterSettings;
import dev.backtrack.sdk.trace.ContextStorage;
import dev.backtrack.sdk.trace.RequestContext;
import dev.backtrack.sdk.trace.TraceHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the servlet filter adds per request on the request thread: read trace headers, begin the
 * context, attach/detach it, finish the event and enqueue it into a real reporter's bounded
 * buffer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequestPathBench {
  private Reporter reporter;
  private final Map<String, String> headers = Map.of("Accept", "application/json");

  @Setup
  public void setUp() {
    // Flushing once an hour: at millions of requests per second the background encoder would
    // otherwise take the second core and measure the machine's overload, not the request path.
    // The buffer stays full, so record() pays its steady-state drop-oldest cost.
    ReporterSettings settings = new ReporterSettings("bench", "bench/1", 5000, 3_600_000,
        3_600_000, ReporterSettings.DEFAULT_MAX_BATCH_EVENTS, 10_000, null);
    reporter = Reporter.start(settings, json -> 200);
  }

  @TearDown
  public void tearDown() {
    reporter.close(Duration.ofSeconds(1));
  }

  /** The application's own work stand-in, without instrumentation. */
  @Benchmark
  public void baseline(Blackhole bh) {
    bh.consume(headers.get("Accept"));
  }

  @Benchmark
  public void instrumented(Blackhole bh) {
    RequestContext ctx = RequestContext.begin("GET", TraceHeaders.read(headers::get));
    ContextStorage.attach(ctx);
    try {
      bh.consume(headers.get("Accept"));
    } finally {
      ContextStorage.detach(ctx);
    }
    reporter.finish(ctx, "/users/{id}", 200, null);
  }

  /** The same with three recorded queries, as a typical database-backed route. */
  @Benchmark
  public void instrumentedWithQueries(Blackhole bh) {
    RequestContext ctx = RequestContext.begin("GET", TraceHeaders.read(headers::get));
    ContextStorage.attach(ctx);
    try {
      ctx.recordQuery("select * from users where id = ?", 120);
      ctx.recordQuery("select * from orders where user_id = ?", 80);
      ctx.recordQuery("select * from users where id = ?", 90);
      bh.consume(headers.get("Accept"));
    } finally {
      ContextStorage.detach(ctx);
    }
    reporter.finish(ctx, "/users/{id}", 200, null);
  }
}
