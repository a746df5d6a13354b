package dev.backtrack.collector.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCConnectOptions;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The demo shop's embedded database: H2 in memory, through the Vert.x JDBC client. */
final class DemoDatabase {
  static final int PRODUCTS = 24;
  static final int USERS = 12;
  static final int ORDERS_PER_USER = 12;

  private DemoDatabase() {}

  /** Opens a fresh in-memory database and fills it with sample data. */
  static Future<Pool> open(Vertx vertx) {
    Pool pool = JDBCPool.pool(vertx,
        new JDBCConnectOptions()
            .setJdbcUrl("jdbc:h2:mem:demo-shop-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"),
        new PoolOptions().setMaxSize(4));
    return pool.query("create table products(id int primary key, name varchar(64),"
            + " price_cents int)").execute()
        .compose(r -> pool.query("create table orders(id int primary key, user_id int,"
            + " created_at timestamp default current_timestamp)").execute())
        .compose(r -> pool.query("create table order_items(order_id int, product_id int,"
            + " qty int)").execute())
        .compose(r -> insertProducts(pool))
        .compose(r -> insertOrders(pool))
        .map(r -> pool);
  }

  private static Future<?> insertProducts(Pool pool) {
    List<Tuple> rows = new ArrayList<>();
    for (int id = 1; id <= PRODUCTS; id++) {
      rows.add(Tuple.of(id, "product-" + id, 199 + id * 50));
    }
    return pool.preparedQuery("insert into products values (?, ?, ?)").executeBatch(rows);
  }

  private static Future<?> insertOrders(Pool pool) {
    List<Tuple> orders = new ArrayList<>();
    List<Tuple> items = new ArrayList<>();
    int orderId = 1;
    for (int user = 1; user <= USERS; user++) {
      for (int i = 0; i < ORDERS_PER_USER; i++, orderId++) {
        orders.add(Tuple.of(orderId, user));
        items.add(Tuple.of(orderId, 1 + (orderId * 7) % PRODUCTS, 1 + orderId % 3));
        items.add(Tuple.of(orderId, 1 + (orderId * 11) % PRODUCTS, 1));
      }
    }
    return pool.preparedQuery("insert into orders(id, user_id) values (?, ?)")
        .executeBatch(orders)
        .compose(r -> pool.preparedQuery("insert into order_items values (?, ?, ?)")
            .executeBatch(items));
  }
}
