package dev.backtrack.servlet.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.Connection;
import javax.sql.DataSource;

/** Hands out instrumented connections; everything else goes to the real data source. */
final class DataSourceHandler implements InvocationHandler {
  private final DataSource target;

  DataSourceHandler(DataSource target) {
    this.target = target;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (name.equals("getConnection")) {
      // called for every request: straight to the data source, not through reflection
      Connection connection = args == null ? target.getConnection()
          : target.getConnection((String) args[0], (String) args[1]);
      return JdbcInstrumentation.wrap(connection);
    }
    if (method.getDeclaringClass() == Object.class) {
      return switch (name) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        case "toString" -> "backtrack(" + target + ")";
        default -> Proxies.call(target, method, args);
      };
    }
    return Proxies.call(target, method, args);
  }
}
