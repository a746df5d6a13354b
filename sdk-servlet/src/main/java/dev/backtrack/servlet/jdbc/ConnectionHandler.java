package dev.backtrack.servlet.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/** Instruments the statements a connection creates; the SQL is normalized once, at prepare. */
final class ConnectionHandler implements InvocationHandler {
  private final Connection target;
  private Connection proxy;

  private ConnectionHandler(Connection target) {
    this.target = target;
  }

  static Connection wrap(Connection target) {
    if (target == null) {
      return null;
    }
    ConnectionHandler handler = new ConnectionHandler(target);
    handler.proxy = Proxies.wrap(Connection.class, target, handler);
    return handler.proxy;
  }

  @Override
  public Object invoke(Object self, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "createStatement" -> {
        Statement s = (Statement) Proxies.call(target, method, args);
        return StatementHandler.wrap(Statement.class, s, null, proxy);
      }
      case "prepareStatement" -> {
        PreparedStatement s = (PreparedStatement) Proxies.call(target, method, args);
        return StatementHandler.wrap(PreparedStatement.class, s, Sql.normalized((String) args[0]),
            proxy);
      }
      case "prepareCall" -> {
        CallableStatement s = (CallableStatement) Proxies.call(target, method, args);
        return StatementHandler.wrap(CallableStatement.class, s,
            Sql.normalized((String) args[0]), proxy);
      }
      case "equals" -> {
        if (method.getDeclaringClass() == Object.class) {
          return self == args[0];
        }
      }
      case "hashCode" -> {
        if (method.getDeclaringClass() == Object.class) {
          return System.identityHashCode(self);
        }
      }
      case "toString" -> {
        if (method.getDeclaringClass() == Object.class) {
          return "backtrack(" + target + ")";
        }
      }
      default -> {
        // fall through to the real connection
      }
    }
    return Proxies.call(target, method, args);
  }
}
