package dev.backtrack.servlet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every method of the written-out JDBC wrappers reaches the driver's object with the same
 * arguments. The driver here is a recorder, not a database: no real driver supports every one
 * of the few hundred methods (the instrumented ones are tested against H2 in
 * {@link JdbcInstrumentationIT}).
 */
class JdbcDelegationTest {
  /** The calls a recorder received, each as its method and arguments. */
  private final List<Object[]> calls = new ArrayList<>();

  @Test
  void connectionPassesEveryCallOn() throws Exception {
    Connection driver = recorder(Connection.class);
    assertEveryMethodReaches(Connection.class, new InstrumentedConnection(driver), driver);
  }

  @Test
  void statementsPassEveryCallOn() throws Exception {
    Connection connection = new InstrumentedConnection(recorder(Connection.class));
    Statement plain = recorder(Statement.class);
    PreparedStatement prepared = recorder(PreparedStatement.class);
    CallableStatement callable = recorder(CallableStatement.class);
    assertEveryMethodReaches(Statement.class, InstrumentedStatement.of(plain, connection),
        plain);
    assertEveryMethodReaches(PreparedStatement.class,
        InstrumentedPreparedStatement.of(prepared, "select 1", connection), prepared);
    assertEveryMethodReaches(CallableStatement.class,
        InstrumentedCallableStatement.of(callable, "call f(?)", connection), callable);
  }

  @Test
  void dataSourcePassesEveryCallOn() throws Exception {
    DataSource driver = recorder(DataSource.class);
    DataSource wrapped = JdbcInstrumentation.wrap(driver);
    assertEveryMethodReaches(DataSource.class, wrapped, driver);
    Connection connection = recorder(Connection.class);
    DataSource handingOut = JdbcInstrumentation.wrap(dataSourceOf(connection));
    for (Connection c : List.of(handingOut.getConnection(),
        handingOut.getConnection("user", "secret"))) {
      assertThat(c).isInstanceOf(InstrumentedConnection.class);
      calls.clear();
      c.isReadOnly();
      assertThat(calls).singleElement().satisfies(call -> assertThat(call[2]).isSameAs(connection));
    }
  }

  @Test
  void statementsAnswerWithTheInstrumentedConnection() throws Exception {
    Connection connection = new InstrumentedConnection(recorder(Connection.class));
    assertThat(InstrumentedStatement.of(recorder(Statement.class), connection)
        .getConnection()).isSameAs(connection);
  }

  private void assertEveryMethodReaches(Class<?> api, Object wrapper, Object driver)
      throws Exception {
    int checked = 0;
    for (Method method : api.getMethods()) {
      if (Modifier.isStatic(method.getModifiers()) || method.getName().equals("getConnection")
          && method.getParameterCount() == 0) {
        continue;
      }
      Object[] args = sampleArguments(method.getParameterTypes());
      calls.clear();
      try {
        method.invoke(wrapper, args);
      } catch (InvocationTargetException e) {
        throw new AssertionError(method + " threw", e.getCause());
      }
      assertThat(calls).as("%s reaches the driver once", method).hasSize(1);
      Method received = (Method) calls.get(0)[0];
      assertThat(received.getName()).as("%s", method).isEqualTo(method.getName());
      assertThat(received.getParameterTypes()).as("%s", method)
          .isEqualTo(method.getParameterTypes());
      assertThat(calls.get(0)[1]).as("%s arguments", method).isEqualTo(args);
      assertThat(calls.get(0)[2]).isSameAs(driver);
      checked++;
    }
    assertThat(checked).as("methods of %s checked", api.getSimpleName())
        .isGreaterThanOrEqualTo(api == DataSource.class ? 9 : 30);
  }

  /** A driver object that records each call and answers with its return type's default. */
  private <T> T recorder(Class<T> type) {
    Object[] self = new Object[1];
    self[0] = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "equals" -> proxy == args[0];
              case "hashCode" -> System.identityHashCode(proxy);
              default -> "recorder of " + type.getSimpleName();
            };
          }
          calls.add(new Object[] {method, args == null ? new Object[0] : args, self[0]});
          return defaultOf(method.getReturnType());
        });
    return type.cast(self[0]);
  }

  /** A data source that hands out {@code connection}, whatever the credentials. */
  private static DataSource dataSourceOf(Connection connection) {
    return (DataSource) Proxy.newProxyInstance(JdbcDelegationTest.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, args) ->
            method.getName().equals("getConnection") ? connection : null);
  }

  /** Distinct values per position, so that swapped arguments would show. */
  private static Object[] sampleArguments(Class<?>[] types) {
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Class<?> t = types[i];
      int n = i + 1;
      args[i] = t == int.class ? n : t == long.class ? (long) n : t == boolean.class ? n % 2 == 1
          : t == byte.class ? (byte) n : t == short.class ? (short) n : t == float.class
          ? (float) n : t == double.class ? (double) n : t == String.class ? "arg" + n
          : t == Class.class ? Object.class : t.isArray() ? Array.newInstance(
              t.getComponentType(), n) : null;
    }
    return args;
  }

  private static Object defaultOf(Class<?> type) {
    if (!type.isPrimitive() || type == void.class) {
      return null;
    }
    return Array.get(Array.newInstance(type, 1), 0);
  }
}
