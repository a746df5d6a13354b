package dev.backtrack.bench.sdk;

import dev.backtrack.sdk.trace.ContextStorage;
import dev.backtrack.sdk.trace.RequestContext;
import dev.backtrack.sdk.trace.TraceHeaders;
import dev.backtrack.servlet.jdbc.JdbcInstrumentation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** One prepared query on an in-memory SQLite database, raw vs through the JDBC proxies. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JdbcBench {
  private static final String SQL = "SELECT name FROM users WHERE id = ?";
  private Connection raw;
  private Connection wrapped;
  private RequestContext ctx;

  @Setup
  public void setUp() throws SQLException {
    raw = DriverManager.getConnection("jdbc:sqlite::memory:");
    try (Statement s = raw.createStatement()) {
      s.execute("create table users (id integer primary key, name text)");
      s.execute("insert into users values (1, 'ada')");
    }
    wrapped = JdbcInstrumentation.wrap(raw);
    ctx = RequestContext.begin("GET", TraceHeaders.NONE);
    ContextStorage.attach(ctx);
  }

  @TearDown
  public void tearDown() throws SQLException {
    ContextStorage.detach(ctx);
    ctx.finish("/bench", 200, null);
    raw.close();
  }

  private static String query(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(SQL)) {
      p.setInt(1, 1);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  @Benchmark
  public String raw() throws SQLException {
    return query(raw);
  }

  @Benchmark
  public String instrumented() throws SQLException {
    return query(wrapped);
  }
}
