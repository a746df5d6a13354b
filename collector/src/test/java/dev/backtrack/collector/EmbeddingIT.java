package dev.backtrack.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.collector.support.Await;
import dev.backtrack.collector.support.Batches;
import dev.backtrack.collector.support.HttpCalls;
import dev.backtrack.collector.support.SqliteRows;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A host application runs its own server and routes, with a collector deployed beside. */
@ExtendWith(VertxExtension.class)
class EmbeddingIT {
  @Test
  void runsInsideAHostApplication(Vertx vertx, @TempDir Path dir) {
    Router hostRoutes = Router.router(vertx);
    hostRoutes.get("/hello").handler(ctx -> ctx.end("hello from the host"));
    HttpServer hostServer = Await.result(
        vertx.createHttpServer().requestHandler(hostRoutes).listen(0, "127.0.0.1"));
    Path db = dir.resolve("embedded.db");

    Collector collector = Await.result(Collector.deploy(vertx, new JsonObject()
        .put("port", 0).put("db", db.toString()).put("bus_prefix", "host.backtrack")));
    HttpCalls toCollector = new HttpCalls(vertx, collector.port());
    HttpCalls toHost = new HttpCalls(vertx, hostServer.actualPort());
    try {
      assertThat(collector.ingestEndpoint())
          .isEqualTo("http://127.0.0.1:" + collector.port() + "/ingest");
      assertThat(toCollector.ingest(Batches.batch("host-app", 2).encode()).json())
          .isEqualTo(new JsonObject().put("accepted", 2));
      assertThat(SqliteRows.count(db, "events")).isEqualTo(2);
      assertThat(toHost.get("/hello", Map.of()).body().toString())
          .isEqualTo("hello from the host");

      Await.result(collector.close());

      assertThat(toHost.get("/hello", Map.of()).status()).isEqualTo(200);
      assertThat(vertx.deploymentIDs()).isEmpty();
    } finally {
      toCollector.close();
      toHost.close();
      Await.result(collector.close());
      Await.result(hostServer.close());
    }
  }
}
