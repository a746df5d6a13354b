package dev.backtrack.servlet.jdbc;

import java.sql.Connection;
import javax.sql.DataSource;

/**
 * Wraps JDBC objects so that each statement executed while serving a request is counted, timed
 * and its normalized SQL kept when it is among the slowest. Statements outside of a request
 * (startup, scheduled jobs) pass through untouched. {@code unwrap} and {@code isWrapperFor}
 * reach the wrapped driver objects.
 */
public final class JdbcInstrumentation {
  private JdbcInstrumentation() {}

  /** {@code dataSource} instrumented; an already instrumented one is returned as it is. */
  public static DataSource wrap(DataSource dataSource) {
    if (dataSource == null || isInstrumented(dataSource)) {
      return dataSource;
    }
    return Proxies.wrap(DataSource.class, dataSource, new DataSourceHandler(dataSource));
  }

  /** {@code connection} instrumented; an already instrumented one is returned as it is. */
  public static Connection wrap(Connection connection) {
    if (connection == null || connection instanceof InstrumentedConnection) {
      return connection;
    }
    return new InstrumentedConnection(connection);
  }

  /** Whether {@code dataSource} is one of our wrappers. */
  public static boolean isInstrumented(DataSource dataSource) {
    return Proxies.isOurs(dataSource, DataSourceHandler.class);
  }
}
