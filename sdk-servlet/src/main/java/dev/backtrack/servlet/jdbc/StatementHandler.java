package dev.backtrack.servlet.jdbc;

import dev.backtrack.sdk.trace.RequestContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Times the {@code execute*} calls of one statement and reports them to the current request.
 * Batches count as many statements as were added.
 */
final class StatementHandler implements InvocationHandler {
  private final Statement target;
  /** Normalized SQL of a prepared or callable statement; null for a plain one. */
  private final String preparedSql;
  private final Connection connectionProxy;
  /** Statements added to the current batch, and the first one's SQL (plain statements). */
  private int batched;
  private String batchSql;

  private StatementHandler(Statement target, String preparedSql, Connection connectionProxy) {
    this.target = target;
    this.preparedSql = preparedSql;
    this.connectionProxy = connectionProxy;
  }

  static <T extends Statement> T wrap(Class<T> type, T target, String preparedSql,
      Connection connectionProxy) {
    if (target == null) {
      return null;
    }
    return Proxies.wrap(type, target, new StatementHandler(target, preparedSql, connectionProxy));
  }

  @Override
  public Object invoke(Object self, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    switch (name) {
      case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate" -> {
        String sql = args != null && args.length > 0 && args[0] instanceof String s
            ? Sql.normalized(s) : preparedSql;
        return timed(method, args, sql, 1);
      }
      case "executeBatch", "executeLargeBatch" -> {
        int count = Math.max(batched, 1);
        String sql = preparedSql != null ? preparedSql : batchSql;
        batched = 0;
        batchSql = null;
        return timed(method, args, sql, count);
      }
      case "addBatch" -> {
        Object result = Proxies.call(target, method, args);
        batched++;
        if (batchSql == null && args != null && args.length == 1 && args[0] instanceof String s) {
          batchSql = Sql.normalized(s);
        }
        return result;
      }
      case "clearBatch" -> {
        batched = 0;
        batchSql = null;
        return Proxies.call(target, method, args);
      }
      case "getConnection" -> {
        return connectionProxy;
      }
      default -> {
        if (method.getDeclaringClass() == Object.class) {
          return switch (name) {
            case "equals" -> self == args[0];
            case "hashCode" -> System.identityHashCode(self);
            case "toString" -> target.toString();
            default -> Proxies.call(target, method, args);
          };
        }
        return Proxies.call(target, method, args);
      }
    }
  }

  private Object timed(Method method, Object[] args, String sql, int count) throws Throwable {
    RequestContext ctx = RequestContext.current();
    if (ctx == null) {
      return Proxies.call(target, method, args);
    }
    long start = System.nanoTime();
    try {
      return Proxies.call(target, method, args);
    } finally {
      long micros = (System.nanoTime() - start) / 1000;
      ctx.recordQueries(sql == null ? "" : sql, count, micros);
    }
  }
}
