package dev.backtrack.vertx;

import dev.backtrack.sdk.Backtrack;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.jdbcclient.JDBCConnectOptions;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

/**
 * Two small instrumented Vert.x services for the tests: a shop (sub-routers, an H2 database,
 * calls to the inventory) and an inventory that can answer 503.
 */
final class ShopServices {
  static final int ORDERS_PER_USER = 4;

  private ShopServices() {}

  /** Starts the inventory: {@code GET /stock/:sku}; the sku {@code broken} answers 503. */
  static HttpServer startInventory(Vertx vertx) {
    Router router = Router.router(vertx);
    router.route().handler(BacktrackHandler.create());
    router.get("/stock/:sku").handler(ctx -> {
      if ("broken".equals(ctx.pathParam("sku"))) {
        ctx.response().setStatusCode(503).end();
      } else {
        ctx.json(new JsonObject().put("sku", ctx.pathParam("sku"))
            .put("units", 3));
      }
    });
    return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
  }

  /** Starts the shop, calling the inventory on {@code inventoryPort}. */
  static HttpServer startShop(Vertx vertx, int inventoryPort) {
    Pool db = JDBCPool.pool(vertx,
        new JDBCConnectOptions().setJdbcUrl("jdbc:h2:mem:shop-" + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1"),
        new PoolOptions().setMaxSize(4));
    seed(db);
    WebClient client = WebClient.create(vertx);

    Router api = Router.router(vertx);
    api.get("/users/:id").handler(ctx -> {
      int user = Integer.parseInt(ctx.pathParam("id"));
      // one query for the orders, then one per order: the N+1 pattern
      db.preparedQuery("select id from orders where user_id = ?").execute(Tuple.of(user))
          .compose(rows -> {
            List<Future<?>> items = new ArrayList<>();
            for (Row row : rows) {
              items.add(db.query("select sku, qty from items where order_id = "
                  + row.getInteger(0)).execute());
            }
            return Future.all(items);
          })
          .onSuccess(all -> ctx.json(new JsonObject().put("user", user)))
          .onFailure(ctx::fail);
    });
    api.get("/orders/:id/stock").handler(ctx -> {
      String sku = "7".equals(ctx.pathParam("id")) ? "broken" : "sku-" + ctx.pathParam("id");
      client.get(inventoryPort, "127.0.0.1", "/stock/" + sku).send()
          .onSuccess(resp -> ctx.response().setStatusCode(resp.statusCode() >= 500 ? 502 : 200)
              .end(resp.bodyAsString() == null ? "" : resp.bodyAsString()))
          .onFailure(ctx::fail);
    });
    api.get("/headers").handler(ctx -> {
      JsonObject out = new JsonObject();
      Backtrack.currentHeaders().forEach(out::put);
      // still the same request after hopping to a worker thread
      vertx.executeBlocking(() -> Backtrack.currentHeaders())
          .onSuccess(h -> ctx.json(out.put("worker", new JsonObject(new HashMap<>(h)))));
    });
    api.get("/boom").handler(ctx -> {
      throw new IllegalStateException("stock is negative");
    });

    Router root = Router.router(vertx);
    root.route().handler(BacktrackHandler.create());
    root.route("/api/*").subRouter(api);
    root.get("/fail/:kind").handler(ctx ->
        ctx.fail(new IllegalArgumentException("unknown kind " + ctx.pathParam("kind"))));
    root.get("/files/*").handler(ctx -> ctx.end("file"));
    root.get("/pages/*").handler(ctx -> {
      Backtrack.route("/pages/{slug}"); // a handler that knows its route better than Vert.x
      ctx.end("page");
    });
    root.route().failureHandler(ctx -> ctx.response().setStatusCode(500).end("failed"));
    return vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").await();
  }

  private static void seed(Pool db) {
    db.query("create table orders(id int primary key, user_id int)").execute()
        .compose(r -> db.query("create table items(order_id int, sku varchar(20), qty int)")
            .execute())
        .await();
    for (int i = 1; i <= ORDERS_PER_USER; i++) {
      db.preparedQuery("insert into orders values (?, ?)").execute(Tuple.of(i, 7)).await();
      db.preparedQuery("insert into items values (?, ?, ?)").execute(Tuple.of(i, "sku-" + i, 1))
          .await();
    }
  }
}
