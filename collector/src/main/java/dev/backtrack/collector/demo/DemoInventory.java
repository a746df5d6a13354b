package dev.backtrack.collector.demo;

import dev.backtrack.vertx.BacktrackHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.concurrent.ThreadLocalRandom;

/** "demo-inventory": the stock service the shop calls; now and then it is unavailable. */
final class DemoInventory {
  /** Share of calls answered 503, in percent. */
  static final int UNAVAILABLE_PERCENT = 8;

  private DemoInventory() {}

  static Future<HttpServer> start(Vertx vertx) {
    Router router = Router.router(vertx);
    router.route().handler(BacktrackHandler.create());
    router.get("/stock/:sku").handler(ctx -> {
      if (unavailable()) {
        ctx.response().setStatusCode(503).end();
        return;
      }
      // answer after a short, varying delay, as a real service over the network would
      vertx.setTimer(2 + ThreadLocalRandom.current().nextInt(15), t -> ctx.json(new JsonObject()
          .put("sku", ctx.pathParam("sku"))
          .put("units", ThreadLocalRandom.current().nextInt(40))));
    });
    router.post("/reservations/:sku").handler(ctx -> {
      if (unavailable()) {
        ctx.response().setStatusCode(503).end();
      } else {
        ctx.response().setStatusCode(201).end();
      }
    });
    return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1");
  }

  private static boolean unavailable() {
    return ThreadLocalRandom.current().nextInt(100) < UNAVAILABLE_PERCENT;
  }
}
