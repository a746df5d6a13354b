package dev.backtrack.collector.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.collector.support.HttpCalls;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class ApiValidationIT {
  @Test
  void refusesBadParametersSayingWhereAndAnswersUnknownPathsWith404(Vertx vertx,
      @TempDir Path dir) {
    JsonObject config = new JsonObject().put("db", dir.resolve("bt.db").toString());
    try (ApiClient api = ApiClient.deploy(vertx, config)) {
      assertBad(api, "/api/overview?w=2m", "w");
      assertBad(api, "/api/routes?w=", null);
      assertBad(api, "/api/routes?service=" + "s".repeat(129), "service");
      assertBad(api, "/api/errors?service=a%0Ab", "service");
      assertBad(api, "/api/sql?method=get&route=/a", "method");
      assertBad(api, "/api/sql?method=GET", "route");
      assertBad(api, "/api/snapshot?method=GET&route=/a&prefix=src", "prefix");
      assertBad(api, "/api/stream?w=7", "w");

      HttpCalls.Answer unknown = api.raw("/api/nope");
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.json().getString("error")).contains("/api/nope");
      assertThat(api.get("/api/overview?w=1h").getInteger("window_s")).isEqualTo(3600);
      assertThat(api.get("/api/overview?w=900").getValue("service")).isNull();
    }
  }

  private static void assertBad(ApiClient api, String path, String where) {
    HttpCalls.Answer answer = api.raw(path);
    if (where == null) {
      assertThat(answer.status()).as(path).isEqualTo(200);
      return;
    }
    assertThat(answer.status()).as(path).isEqualTo(400);
    assertThat(answer.json().getString("where")).as(path).isEqualTo(where);
    assertThat(answer.json().getString("error")).as(path).isNotBlank();
  }
}
