package dev.backtrack.collector.demo;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Calls every demo route a few times per second, with a burst now and then, until it is
 * undeployed (which happens when its Vert.x instance closes).
 */
final class TrafficGenerator extends VerticleBase {
  /** Time between two rounds over the routes, in milliseconds. */
  static final long TICK_MILLIS = 300;
  /** Time between two bursts, in milliseconds. */
  static final long BURST_EVERY_MILLIS = 10_000;
  static final int BURST_REQUESTS = 25;

  private final int shopPort;
  private HttpClient client;
  private long tickTimer;
  private long burstTimer;

  TrafficGenerator(int shopPort) {
    this.shopPort = shopPort;
  }

  @Override
  public Future<?> start() {
    client = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(8));
    tickTimer = vertx.setPeriodic(200, TICK_MILLIS, t -> round());
    burstTimer = vertx.setPeriodic(BURST_EVERY_MILLIS, BURST_EVERY_MILLIS, t -> burst());
    return Future.succeededFuture();
  }

  private void round() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    call(HttpMethod.GET, "/api/products");
    call(HttpMethod.GET, "/api/products/" + (1 + random.nextInt(DemoDatabase.PRODUCTS)));
    call(HttpMethod.GET, "/api/users/" + (1 + random.nextInt(DemoDatabase.USERS)) + "/orders");
    call(HttpMethod.POST, "/api/checkout");
    if (random.nextInt(3) == 0) {
      call(HttpMethod.GET, "/api/reports/sales");
    }
    if (random.nextInt(4) == 0) {
      call(HttpMethod.GET, "/health");
    }
    if (random.nextInt(20) == 0) {
      call(HttpMethod.GET, "/api/no-such-page");
    }
  }

  private void burst() {
    List<String> paths = List.of("/api/products", "/api/products/3", "/api/users/2/orders");
    for (int i = 0; i < BURST_REQUESTS; i++) {
      call(HttpMethod.GET, paths.get(i % paths.size()));
    }
  }

  private void call(HttpMethod method, String path) {
    client.request(method, shopPort, "127.0.0.1", path)
        .compose(req -> req.send())
        .compose(resp -> resp.body())
        .onFailure(e -> { }); // the shop being away for a moment is not the generator's concern
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(tickTimer);
    vertx.cancelTimer(burstTimer);
    return client.close();
  }
}
