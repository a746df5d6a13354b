package dev.backtrack.servlet.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * A JDBC driver for pools configured by URL: {@code jdbc:backtrack:h2:mem:shop} connects through
 * the driver of {@code jdbc:h2:mem:shop} and instruments the connection.
 */
public final class BacktrackDriver implements Driver {
  /** URLs this driver accepts start with this. */
  public static final String PREFIX = "jdbc:backtrack:";

  static {
    try {
      DriverManager.registerDriver(new BacktrackDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The URL of the real database behind {@code url}. */
  static String realUrl(String url) {
    return "jdbc:" + url.substring(PREFIX.length());
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith(PREFIX) && url.length() > PREFIX.length();
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null; // the JDBC contract: not ours, let the next driver try
    }
    String real = realUrl(url);
    Connection connection = realDriver(real).connect(real, info);
    if (connection == null) {
      throw new SQLException("the driver for " + real + " did not accept it");
    }
    return JdbcInstrumentation.wrap(connection);
  }

  private static Driver realDriver(String url) throws SQLException {
    try {
      return DriverManager.getDriver(url);
    } catch (SQLException notVisibleFromHere) {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      for (Driver d : ServiceLoader.load(Driver.class, loader)) {
        if (!(d instanceof BacktrackDriver) && d.acceptsURL(url)) {
          return d;
        }
      }
      throw new SQLException("no JDBC driver for " + url + " (wrapped by " + PREFIX + ")",
          "08001", notVisibleFromHere);
    }
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return new DriverPropertyInfo[0];
    }
    String real = realUrl(url);
    return realDriver(real).getPropertyInfo(real, info);
  }

  @Override
  public int getMajorVersion() {
    return 0;
  }

  @Override
  public int getMinorVersion() {
    return 1;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no java.util.logging here");
  }
}
