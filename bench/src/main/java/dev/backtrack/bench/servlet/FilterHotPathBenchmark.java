package dev.backtrack.bench.servlet;

import dev.backtrack.sdk.report.HttpTransport;
import dev.backtrack.sdk.report.Reporter;
import dev.backtrack.sdk.report.ReporterSettings;
import dev.backtrack.servlet.BacktrackFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The real {@link BacktrackFilter#doFilter} around a chain that only sets the status, against
 * calling that chain directly: the difference is what the filter adds to a request on the
 * request thread. A container per invocation is not possible at this scale, so the request and
 * response are an {@link InProcessExchange}; the filter records into a real reporter with
 * default settings (buffer of 5,000, one flush a second) sending to a real embedded collector.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FilterHotPathBenchmark {
  private BenchCollector collector;
  private Reporter reporter;
  private BacktrackFilter filter;
  private final InProcessExchange exchange = new InProcessExchange();
  private final FilterChain chain = (req, res) -> ((InProcessExchange.Response) res)
      .setStatus(200);

  @Setup
  public void setUp() throws Exception {
    collector = new BenchCollector();
    ReporterSettings settings = ReporterSettings.defaults("filter-bench", BacktrackFilter.SDK);
    reporter = Reporter.start(settings,
        new HttpTransport(URI.create(collector.ingestEndpoint()), null));
    filter = new BacktrackFilter(reporter);
    filter.doFilter(exchange.request, exchange.response, chain);
    if (exchange.response.requestId() == null) {
      throw new IllegalStateException("the filter did not handle the in-process exchange");
    }
  }

  @TearDown
  public void tearDown() throws Exception {
    filter.destroy();
    reporter.close(Duration.ofSeconds(2));
    collector.close();
  }

  @Benchmark
  public int withoutFilter() throws IOException, ServletException {
    exchange.reset();
    chain.doFilter(exchange.request, exchange.response);
    return exchange.response.getStatus();
  }

  @Benchmark
  public int withFilter() throws IOException, ServletException {
    exchange.reset();
    filter.doFilter(exchange.request, exchange.response, chain);
    return exchange.response.getStatus();
  }
}
