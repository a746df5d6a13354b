package dev.backtrack.collector.demo;

import dev.backtrack.sdk.BacktrackOptions;
import dev.backtrack.vertx.BacktrackVertx;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.PrintStream;
import java.util.List;

/** The sample application and traffic generator behind {@code backtrack demo}. */
public final class DemoApp {
  static final String SHOP = "demo-shop";
  static final String INVENTORY = "demo-inventory";

  private DemoApp() {}

  /**
   * Starts the sample services, instrumented with the Vert.x SDK, and a traffic generator
   * that calls them until the given Vert.x instance closes.
   *
   * @param ingestEndpoint where the sample services send their batches, such as
   *     {@code http://127.0.0.1:9876/ingest}
   */
  public static Future<Void> start(Vertx vertx, String ingestEndpoint) {
    return start(vertx, ingestEndpoint, System.out);
  }

  /** As {@link #start(Vertx, String)}, printing one line per started service to {@code out}. */
  public static Future<Void> start(Vertx vertx, String ingestEndpoint, PrintStream out) {
    // each service reports under its own name, so each gets its own instrumented Vert.x
    Vertx inventoryVertx;
    Vertx shopVertx;
    try {
      inventoryVertx = instrumented(INVENTORY, ingestEndpoint);
      shopVertx = instrumented(SHOP, ingestEndpoint);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    List<Vertx> owned = List.of(shopVertx, inventoryVertx);
    return DemoInventory.start(inventoryVertx)
        .compose(inventory -> {
          out.println(line(INVENTORY, inventory));
          return DemoDatabase.open(shopVertx)
              .compose(db -> DemoShop.start(shopVertx, db, inventory.actualPort()));
        })
        .compose(shop -> {
          out.println(line(SHOP, shop));
          // undeployed when the given Vert.x closes: then the demo's instances close too
          return vertx.deployVerticle(new Lifecycle(shop.actualPort(), owned));
        })
        .onSuccess(id -> out.println("demo traffic  " + DemoShop.ROUTES.size()
            + " routes, a few requests per second each, bursts every "
            + TrafficGenerator.BURST_EVERY_MILLIS / 1000 + " s"))
        .recover(e -> closeAll(owned).transform(ar -> Future.failedFuture(e)))
        .mapEmpty();
  }

  private static Vertx instrumented(String service, String ingestEndpoint) {
    return BacktrackVertx.builder()
        .options(BacktrackOptions.fromEnvironment().service(service).endpoint(ingestEndpoint))
        .build();
  }

  private static String line(String service, HttpServer server) {
    return String.format("%-14s http://127.0.0.1:%d", service, server.actualPort());
  }

  private static Future<Void> closeAll(List<Vertx> instances) {
    return Future.join(instances.stream().map(Vertx::close).toList()).mapEmpty();
  }

  /** Runs the traffic generator, and closes the demo's own instances when undeployed. */
  private static final class Lifecycle extends VerticleBase {
    private final TrafficGenerator traffic;
    private final List<Vertx> owned;

    Lifecycle(int shopPort, List<Vertx> owned) {
      this.traffic = new TrafficGenerator(shopPort);
      this.owned = owned;
    }

    @Override
    public Future<?> start() {
      return vertx.deployVerticle(traffic);
    }

    @Override
    public Future<?> stop() {
      return closeAll(owned);
    }
  }
}
