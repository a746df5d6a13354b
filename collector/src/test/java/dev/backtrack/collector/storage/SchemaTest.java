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
  void version2DropsTheCorrelationIdIndexOfAVersion1File() throws SQLException {
    Path file = dir.resolve("bt.db");
    try (Connection connection = Database.openWriter(file);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
      statement.execute("INSERT INTO schema_version VALUES (1)");
      statement.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, ts INTEGER,"
          + " correlation_id TEXT)");
      statement.execute("CREATE INDEX events_ts ON events(ts)");
      statement.execute("CREATE INDEX events_correlation_id ON events(correlation_id)");
      statement.execute("INSERT INTO events (ts, correlation_id) VALUES (5, 'c-1')");
      connection.commit();
    }
    try (Connection connection = Database.openWriter(file);
        Statement statement = connection.createStatement()) {
      Schema.migrate(connection, file);

      assertThat(Schema.versionOf(connection)).isEqualTo(2);
      assertThat(indexes(statement)).contains("events_ts").doesNotContain("events_correlation_id");
      assertThat(statement.executeQuery("SELECT count(*) FROM events").getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void aNewFileHasNoCorrelationIdIndex() throws SQLException {
    Path file = dir.resolve("bt.db");
    try (Connection connection = Database.openWriter(file);
        Statement statement = connection.createStatement()) {
      Schema.migrate(connection, file);

      assertThat(indexes(statement)).containsExactlyInAnyOrder("events_ts", "outgoing_ts");
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
