package dev.backtrack.bench.vertx;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One request through the sample application over loopback, with and without the SDK's
 * handler, tracer and route metrics: the difference is what the SDK adds to a request's path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HandlerHotPathBenchmark {
  private SampleApp plain;
  private SampleApp sdk;
  private Vertx clientVertx;
  private HttpClient client;
  private Context clientContext;
  private RequestOptions toPlain;
  private RequestOptions toSdk;

  @Setup(Level.Trial)
  public void start() {
    plain = SampleApp.plain(1);
    sdk = SampleApp.instrumented(1);
    clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    client = clientVertx.createHttpClient();
    // every call runs on this one event loop: calls issued straight from the benchmark
    // thread would each get a context of their own
    clientContext = clientVertx.getOrCreateContext();
    toPlain = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
        .setPort(plain.port()).setURI(SampleApp.PATH);
    toSdk = new RequestOptions(toPlain).setPort(sdk.port());
  }

  @TearDown(Level.Trial)
  public void stop() {
    clientVertx.close().await();
    plain.close();
    sdk.close();
  }

  @Benchmark
  public int withoutSdk() throws TimeoutException {
    return call(toPlain);
  }

  @Benchmark
  public int withSdk() throws TimeoutException {
    return call(toSdk);
  }

  private int call(RequestOptions options) throws TimeoutException {
    Promise<Integer> answer = Promise.promise();
    clientContext.runOnContext(v -> client.request(options).compose(req -> req.send())
        .compose(resp -> resp.body().map(body -> resp.statusCode() + body.length()))
        .onComplete(answer));
    // bounded, so that a lost answer fails the run instead of hanging it
    return answer.future().await(10, TimeUnit.SECONDS);
  }
}
