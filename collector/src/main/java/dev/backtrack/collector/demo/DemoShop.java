package dev.backtrack.collector.demo;

import dev.backtrack.vertx.BacktrackHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * "demo-shop": a small Vert.x Web application with the patterns the dashboard is there to
 * show: an N+1 query loop, a slow report, a checkout that fails in two ways, and calls to the
 * inventory service.
 */
final class DemoShop {
  /** The routes the traffic generator calls, as templates. */
  static final List<String> ROUTES = List.of("/api/products", "/api/products/{id}",
      "/api/users/{id}/orders", "/api/checkout", "/api/reports/sales", "/health");

  private final Vertx vertx;
  private final Pool db;
  private final HttpClient inventory;
  private final int inventoryPort;

  private DemoShop(Vertx vertx, Pool db, int inventoryPort) {
    this.vertx = vertx;
    this.db = db;
    this.inventory = vertx.createHttpClient();
    this.inventoryPort = inventoryPort;
  }

  static Future<HttpServer> start(Vertx vertx, Pool db, int inventoryPort) {
    return new DemoShop(vertx, db, inventoryPort).listen();
  }

  private Future<HttpServer> listen() {
    Router api = Router.router(vertx);
    api.get("/products").handler(this::listProducts);
    api.get("/products/:id").handler(this::showProduct);
    api.get("/users/:id/orders").handler(this::listOrders);
    api.post("/checkout").handler(this::checkout);
    api.get("/reports/sales").handler(this::salesReport);

    Router root = Router.router(vertx);
    root.route().handler(BacktrackHandler.create());
    root.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "up")));
    root.route("/api/*").subRouter(api);
    root.route().failureHandler(ctx -> ctx.response()
        .setStatusCode(ctx.statusCode() > 0 ? ctx.statusCode() : 500)
        .end(new JsonObject().put("error", String.valueOf(ctx.failure())).encode()));
    return vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1");
  }

  private void listProducts(RoutingContext ctx) {
    db.query("select id, name, price_cents from products order by id").execute()
        .onSuccess(rows -> {
          JsonArray out = new JsonArray();
          rows.forEach(r -> out.add(r.toJson()));
          ctx.json(out);
        })
        .onFailure(ctx::fail);
  }

  private void showProduct(RoutingContext ctx) {
    int id = intParam(ctx, "id");
    db.preparedQuery("select id, name, price_cents from products where id = ?")
        .execute(Tuple.of(id))
        .compose(rows -> callInventory(HttpMethod.GET, "/stock/sku-" + id)
            .map(stock -> new JsonObject()
                .put("product", rows.iterator().hasNext() ? rows.iterator().next().toJson()
                    : null)
                .put("inventory_status", stock.statusCode())))
        .onSuccess(ctx::json)
        .onFailure(ctx::fail);
  }

  /** One query for the orders, then one per order for its items: the N+1 pattern. */
  private void listOrders(RoutingContext ctx) {
    int user = intParam(ctx, "id");
    db.preparedQuery("select id from orders where user_id = ? order by id")
        .execute(Tuple.of(user))
        .compose(orders -> {
          List<Future<JsonObject>> each = new ArrayList<>();
          for (Row order : orders) {
            int orderId = order.getInteger(0);
            each.add(db.query("select product_id, qty from order_items where order_id = "
                + orderId).execute().map(items -> new JsonObject().put("order", orderId)
                    .put("items", items.size())));
          }
          return Future.all(each);
        })
        .onSuccess(all -> ctx.json(new JsonArray(all.list())))
        .onFailure(ctx::fail);
  }

  /** Fails now and then: a declined payment, or an arithmetic slip in the discount. */
  private void checkout(RoutingContext ctx) {
    int roll = ThreadLocalRandom.current().nextInt(100);
    if (roll < 9) {
      throw new IllegalStateException("payment declined by the card issuer");
    }
    int product = 1 + ThreadLocalRandom.current().nextInt(DemoDatabase.PRODUCTS);
    callInventory(HttpMethod.POST, "/reservations/sku-" + product)
        .compose(reserved -> db.preparedQuery(
            "select price_cents from products where id = ?").execute(Tuple.of(product)))
        .map(rows -> {
          int price = rows.iterator().next().getInteger(0);
          int couponsUsed = roll < 15 ? 0 : 1;
          return price - price / couponsUsed / 10; // roll < 15 divides by zero
        })
        .onSuccess(total -> ctx.response().setStatusCode(201)
            .end(new JsonObject().put("total_cents", total).encode()))
        .onFailure(ctx::fail);
  }

  /** A slow aggregate: 200-400 ms, waited for on a timer, never on the event loop. */
  private void salesReport(RoutingContext ctx) {
    long delay = 200 + ThreadLocalRandom.current().nextInt(201);
    db.query("select p.name, sum(i.qty) from order_items i join products p"
            + " on p.id = i.product_id group by p.name").execute()
        .onSuccess(rows -> vertx.setTimer(delay, t -> ctx.json(new JsonObject()
            .put("products", rows.size()).put("took_ms", delay))))
        .onFailure(ctx::fail);
  }

  private Future<HttpClientResponse> callInventory(HttpMethod method, String path) {
    return inventory.request(method, inventoryPort, "127.0.0.1", path)
        .compose(req -> req.send())
        .compose(resp -> resp.body().map(body -> resp));
  }

  private static int intParam(RoutingContext ctx, String name) {
    try {
      return Integer.parseInt(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
