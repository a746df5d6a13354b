package dev.backtrack.bench.servlet;

import dev.backtrack.sdk.report.Reporter;
import dev.backtrack.servlet.BacktrackFilter;
import dev.backtrack.servlet.jdbc.JdbcInstrumentation;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The application under test of the servlet A/B: an embedded Jetty 12 (ee10) server with three
 * routes, one of which reads a row from an in-memory H2 database. Built plain, or with
 * {@link BacktrackFilter} first in the chain and the pool wrapped by
 * {@link JdbcInstrumentation}, reporting to whatever the process-wide SDK was started with.
 */
final class ServletSampleApp implements AutoCloseable {
  /** The paths the load generator cycles through: two plain JSON routes, one SQL route. */
  static final String[] PATHS = {"/api/items/42", "/api/users/7", "/api/items/43"};

  private static final int USERS = 100;
  /** A request id as the SDK makes them: 32 hex digits. */
  private static final String FIXED_REQUEST_ID = "5f0c6e1d2b7a48c39e41d0a6b3f27c85";

  private final Server server;
  private final JdbcConnectionPool pool;

  /**
   * @param instrumented whether the pool is wrapped by the JDBC instrumentation
   * @param filter the filter put first in the chain, or null for none
   */
  private ServletSampleApp(Routes routes, boolean instrumented, FilterHolder filter)
      throws Exception {
    // one database per app, so the two variants never share locks
    pool = JdbcConnectionPool.create("jdbc:h2:mem:bench-" + (instrumented ? "sdk" : "plain")
        + ";DB_CLOSE_DELAY=-1", "sa", "");
    pool.setMaxConnections(64);
    fillUsers(pool);
    DataSource users = instrumented ? JdbcInstrumentation.wrap(pool) : pool;

    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    if (filter != null) {
      filter.setAsyncSupported(true);
      context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
    }
    routes.install(context, users);
    server.setHandler(context);
    server.start();
  }

  /** What serves the paths: the servlets below ({@link #SERVLETS}) or Spring MVC. */
  interface Routes {
    /** Adds what serves {@link #PATHS} to {@code context}, reading users from {@code users}. */
    void install(ServletContextHandler context, DataSource users) throws Exception;
  }

  /** Three plain servlets. */
  static final Routes SERVLETS = (context, users) -> {
    context.addServlet(new ServletHolder(new ItemServlet()), "/api/items/*");
    context.addServlet(new ServletHolder(new UserServlet(users)), "/api/users/*");
    context.addServlet(new ServletHolder(new HealthServlet()), "/health");
  };

  static ServletSampleApp plain(Routes routes) throws Exception {
    return new ServletSampleApp(routes, false, null);
  }

  /** @param reporter where the filter records, or null for the process-wide reporter */
  static ServletSampleApp instrumented(Routes routes, Reporter reporter) throws Exception {
    return new ServletSampleApp(routes, true, new FilterHolder(
        reporter == null ? new BacktrackFilter() : new BacktrackFilter(reporter)));
  }

  /** The plain app behind a filter that only passes the request on: what any filter costs. */
  static ServletSampleApp passThrough(Routes routes) throws Exception {
    return new ServletSampleApp(routes, false,
        new FilterHolder((req, res, chain) -> chain.doFilter(req, res)));
  }

  /**
   * The plain app behind a filter that only answers a fixed {@code X-Request-ID}: what any
   * filter and the header cost, which the SDK cannot do without.
   */
  static ServletSampleApp requestIdHeader(Routes routes) throws Exception {
    return new ServletSampleApp(routes, false, new FilterHolder((req, res, chain) -> {
      ((HttpServletResponse) res).setHeader("X-Request-ID", FIXED_REQUEST_ID);
      chain.doFilter(req, res);
    }));
  }

  int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
    pool.dispose();
  }

  private static void fillUsers(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("create table users (id int primary key, name varchar(64), email varchar(64))");
      for (int id = 1; id <= USERS; id++) {
        s.execute("insert into users values (" + id + ", 'user " + id + "', 'u" + id
            + "@example.com')");
      }
    }
  }

  /** The last path segment, as the id a route like {@code /api/items/{id}} would bind. */
  private static String id(HttpServletRequest req) {
    String info = req.getPathInfo();
    return info == null || info.length() < 2 ? "0" : info.substring(1);
  }

  private static final class ItemServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setContentType("application/json");
      resp.getWriter().write("{\"id\":\"" + id(req) + "\",\"name\":\"item\",\"stock\":3}");
    }
  }

  private static final class UserServlet extends HttpServlet {
    private final DataSource users;

    UserServlet(DataSource users) {
      this.users = users;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      try (Connection c = users.getConnection();
          PreparedStatement p = c.prepareStatement("select name, email from users where id = ?")) {
        p.setInt(1, Integer.parseInt(id(req)));
        try (ResultSet rs = p.executeQuery()) {
          if (!rs.next()) {
            resp.sendError(404);
            return;
          }
          resp.setContentType("application/json");
          resp.getWriter().write("{\"name\":\"" + rs.getString(1) + "\",\"email\":\""
              + rs.getString(2) + "\"}");
        }
      } catch (SQLException | NumberFormatException e) {
        resp.sendError(500);
      }
    }
  }

  private static final class HealthServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setContentType("text/plain");
      resp.getWriter().write("ok");
    }
  }
}
