package dev.backtrack.collector.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTest {
  @TempDir Path dir;

  @Test
  void createsTheFolderAndTheSchemaOnANewFile() throws SQLException {
    Path file = dir.resolve("a/b/bt.db");
    try (Connection connection = Database.openWriter(file)) {
      Schema.migrate(connection, file);

      assertThat(Schema.versionOf(connection)).isEqualTo(Schema.CURRENT_VERSION);
    }
    assertThat(Files.exists(file)).isTrue();
  }

  @Test
  void upgradesAnOlderFileAndKeepsItsRows() throws SQLException {
    Path file = dir.resolve("bt.db");
    try (Connection connection = Database.openWriter(file);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
      statement.execute("INSERT INTO schema_version VALUES (0)");
      statement.execute("CREATE TABLE keep_me (x INTEGER)");
      statement.execute("INSERT INTO keep_me VALUES (7)");
      connection.commit();
    }
    try (Connection connection = Database.openWriter(file);
        Statement statement = connection.createStatement()) {
      Schema.migrate(connection, file);

      assertThat(Schema.versionOf(connection)).isEqualTo(Schema.CURRENT_VERSION);
      assertThat(statement.executeQuery("SELECT count(*) FROM events").getInt(1)).isZero();
      assertThat(statement.executeQuery("SELECT x FROM keep_me").getInt(1)).isEqualTo(7);
    }
  }

  @Test
  void aVersion1FileKeepsItsRowsThroughEveryMigration() throws SQLException {
    Path file = dir.resolve("bt.db");
    try (Connection connection = Database.openWriter(file);
        Statement statement = connection.createStatement()) {
      Schema.migrate(connection, file, 1);
      statement.execute("INSERT INTO events (ts, service, host, pid, request_id, correlation_id,"
          + " parent_id, method, route, status, duration_us, db_count, db_us, db_slowest,"
          + " out_count, out_us, is_error, error_fingerprint) VALUES"
          + " (120000, 'shop', 'h1', 7, 'r-1', 'c-1', NULL, 'GET', '/a/{id}', 200, 900, 2, 40,"
          + " '[{\"sql\":\"select ?\",\"us\":30}]', 0, 0, 0, NULL),"
          + " (185000, 'shop', 'h1', 7, 'r-2', 'c-1', 'r-1', 'POST', '/b', 503, 1500, 0, 0,"
          + " NULL, 1, 800, 1, 'status:503')");
      statement.execute("INSERT INTO outgoing (ts, service, request_id, route, method, host,"
          + " status, duration_us, error) VALUES (186000, 'shop', 'r-2', '/b', 'GET',"
          + " 'pay:443', 200, 700, 0)");
      connection.commit();
      assertThat(indexes(statement)).contains("events_ts", "events_correlation_id");
    }
    try (Connection connection = Database.openWriter(file);
        Statement statement = connection.createStatement()) {
      Schema.migrate(connection, file);

      assertThat(Schema.versionOf(connection)).isEqualTo(Schema.CURRENT_VERSION);
      assertThat(indexes(statement)).isEmpty();
      assertThat(rows(statement, "SELECT id, ts, service, host, pid, request_id,"
          + " correlation_id, parent_id, method, route, status, duration_us, db_count, db_us,"
          + " db_slowest, out_count, out_us, error_fingerprint FROM request_rows ORDER BY id"))
          .containsExactly(
              List.of(1, 120000, "shop", "h1", 7, "r-1", "c-1", "null", "GET", "/a/{id}", 200,
                  900, 2, 40, "[{\"sql\":\"select ?\",\"us\":30}]", 0, 0, "null"),
              List.of(2, 185000, "shop", "h1", 7, "r-2", "c-1", "r-1", "POST", "/b", 503, 1500,
                  0, 0, "null", 1, 800, "status:503"));
      assertThat(rows(statement, "SELECT minute, first_event_id, first_outgoing_id FROM marks"
          + " ORDER BY minute"))
          .containsExactly(List.of(2, 1, "null"), List.of(3, 2, 1));
      assertThat(rows(statement, "SELECT count(*) FROM outgoing")).containsExactly(List.of(1));
    }
  }

  @Test
  void aNewFileIndexesNoRowsButTheNames() throws SQLException {
    Path file = dir.resolve("bt.db");
    try (Connection connection = Database.openWriter(file);
        Statement statement = connection.createStatement()) {
      Schema.migrate(connection, file);

      assertThat(indexes(statement)).isEmpty();
    }
  }

  @Test
  void refusesAFileFromANewerCollector() throws SQLException {
    Path file = dir.resolve("bt.db");
    try (Connection connection = Database.openWriter(file)) {
      Schema.migrate(connection, file);
      try (Statement statement = connection.createStatement()) {
        statement.execute("UPDATE schema_version SET version = 99");
        connection.commit();
      }
    }
    try (Connection connection = Database.openWriter(file)) {
      assertThatThrownBy(() -> Schema.migrate(connection, file))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("schema version 99")
          .hasMessageContaining("newer");
      assertThat(Schema.versionOf(connection)).isEqualTo(99);
    }
  }

  @Test
  void reportsAnUnwritableFolderClearly() throws Exception {
    Path blocker = Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> Database.openWriter(blocker.resolve("sub/bt.db")))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("cannot create folder");
  }

  /** Each row as a list of its values, NULL as the text "null" so that lists can hold it. */
  private static List<List<Object>> rows(Statement statement, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          Object value = rs.getObject(i);
          row.add(value == null ? "null" : value);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static List<String> indexes(Statement statement) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
