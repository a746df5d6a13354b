package dev.backtrack.servlet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backtrack.sdk.event.RequestEvent;
import dev.backtrack.sdk.event.SqlTiming;
import dev.backtrack.sdk.trace.ContextStorage;
import dev.backtrack.sdk.trace.RequestContext;
import dev.backtrack.sdk.trace.TraceHeaders;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDBC instrumentation against a real H2 database. */
class JdbcInstrumentationIT {
  private DataSource ds;
  private RequestContext ctx;

  @BeforeEach
  void setUp() throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:jdbc-it;DB_CLOSE_DELAY=-1");
    ds = JdbcInstrumentation.wrap(h2);
    try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
      s.execute("create table if not exists t (id int primary key, name varchar(20))");
      s.execute("delete from t");
    }
    ctx = RequestContext.begin("GET", TraceHeaders.NONE);
    ContextStorage.attach(ctx);
  }

  @AfterEach
  void tearDown() {
    ContextStorage.detach(ctx);
  }

  private RequestEvent finish() {
    ContextStorage.detach(ctx);
    return ctx.finish("/t", 200, null);
  }

  @Test
  void countsPlainPreparedCallableAndBatchedStatements() throws SQLException {
    try (Connection c = ds.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("insert into t values (1, 'one')");
        s.addBatch("insert into t values (2, 'two')");
        s.addBatch("insert into t values (3, 'three')");
        s.executeBatch();
      }
      try (PreparedStatement p = c.prepareStatement("insert into t values (?, ?)")) {
        for (int i = 10; i < 15; i++) {
          p.setInt(1, i);
          p.setString(2, "n" + i);
          p.addBatch();
        }
        p.executeBatch();
      }
      try (PreparedStatement p = c.prepareStatement("select name from t where id IN (1, 2)")) {
        p.executeQuery().close();
      }
      try (CallableStatement call = c.prepareCall("call abs(-4)")) {
        call.execute();
      }
    }
    RequestEvent e = finish();
    assertThat(e.dbCount()).isEqualTo(1 + 2 + 5 + 1 + 1);
    assertThat(e.slowest()).extracting(SqlTiming::sql).hasSizeLessThanOrEqualTo(3)
        .allMatch(sql -> !sql.matches(".*\\d.*") || sql.contains("abs"));
    assertThat(e.dbMicros()).isPositive();
  }

  @Test
  void normalizesTheSqlItKeeps() throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.executeQuery("SELECT name FROM t WHERE id = 42 AND name = 'x'").close();
    }
    assertThat(finish().slowest()).extracting(SqlTiming::sql)
        .containsExactly("select name from t where id = ? and name = ?");
  }

  @Test
  void countsFailedStatementsAndRethrowsTheirException() throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("select * from no_such_table"))
          .isInstanceOf(SQLException.class);
    }
    assertThat(finish().dbCount()).isEqualTo(1);
  }

  @Test
  void unwrapReachesTheDriverAndStatementsKeepTheirConnection() throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      assertThat(c.isWrapperFor(JdbcConnection.class)).isTrue();
      assertThat(c.unwrap(JdbcConnection.class)).isInstanceOf(JdbcConnection.class);
      assertThat(ds.unwrap(JdbcDataSource.class)).isInstanceOf(JdbcDataSource.class);
      assertThat(s.getConnection()).isSameAs(c);
      assertThat(JdbcInstrumentation.wrap(ds)).isSameAs(ds);
    }
  }

  @Test
  void passesStatementsOutsideOfARequestThrough() throws SQLException {
    ContextStorage.detach(ctx);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.executeQuery("select 1").close();
    }
    assertThat(ctx.finish("/t", 200, null).dbCount()).isZero();
  }

  @Test
  void urlDriverWrapsTheRealDriver() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:backtrack:h2:mem:jdbc-it")) {
      assertThat(c.unwrap(JdbcConnection.class)).isNotNull();
      try (Statement s = c.createStatement()) {
        s.executeQuery("select count(*) from t").close();
      }
    }
    assertThat(finish().dbCount()).isEqualTo(1);
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:backtrack:nosuchdb:x"))
        .isInstanceOf(SQLException.class);
  }
}
