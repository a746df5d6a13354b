package dev.backtrack.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.collector.support.Await;
import dev.backtrack.collector.support.HttpCalls;
import dev.backtrack.collector.support.HttpCalls.Answer;
import dev.backtrack.collector.support.SqliteRows;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The JSON examples of docs/protocol.md are accepted as written, so the doc stays true. */
@ExtendWith(VertxExtension.class)
class ProtocolExamplesIT {
  private static final Path PROTOCOL = Path.of("..", "docs", "protocol.md");

  static List<String> jsonBlocks() throws IOException {
    Matcher blocks = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL)
        .matcher(Files.readString(PROTOCOL));
    List<String> found = new ArrayList<>();
    while (blocks.find()) {
      found.add(blocks.group(1));
    }
    return found;
  }

  @Test
  void acceptsEveryBatchExampleOfTheProtocolDoc(Vertx vertx, @TempDir Path dir)
      throws IOException {
    Path db = dir.resolve("bt.db");
    Collector collector = Await.result(Collector.deploy(vertx,
        new JsonObject().put("port", 0).put("db", db.toString())));
    HttpCalls http = new HttpCalls(vertx, collector.port());
    try {
      List<String> examples = jsonBlocks();
      assertThat(examples).isNotEmpty();
      for (String example : examples) {
        JsonObject batch = new JsonObject(example);
        int expected = batch.getJsonArray("events").size()
            + batch.getJsonArray("outgoing").size() + (batch.containsKey("heartbeat") ? 1 : 0);

        Answer answer = http.ingest(example);
        Answer again = http.ingest(example);

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.json()).isEqualTo(new JsonObject().put("accepted", expected));
        assertThat(again.json().getBoolean("duplicate")).isTrue();
      }
      assertThat(SqliteRows.query(db, "SELECT fingerprint, type, message FROM error_groups"))
          .containsExactly(List.of("9f2c4e7a1b3d5f60", "java.lang.IllegalStateException",
              "stock is negative"));
      assertThat(SqliteRows.query(db, "SELECT cpu_pct, rss_bytes FROM instances"))
          .containsExactly(List.of(3.5, 123456789));
      assertThat(SqliteRows.query(db, "SELECT db_slowest FROM events WHERE request_id = 'r-1'"))
          .containsExactly(List.of("[{\"sql\":\"select * from users where id = ?\",\"us\":500}]"));
    } finally {
      http.close();
      Await.result(collector.close());
    }
  }
}
