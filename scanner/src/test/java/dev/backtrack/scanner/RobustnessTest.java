package dev.backtrack.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RobustnessTest {
  @TempDir Path root;

  @Test
  void garbageSourcesAreSkippedOrReportedNeverThrown() throws IOException {
    Random random = new Random(42);
    for (int i = 0; i < 20; i++) {
      byte[] noise = new byte[2000];
      random.nextBytes(noise);
      for (int j = 0; j < noise.length; j++) {
        noise[j] = (byte) (noise[j] == 0 ? 1 : noise[j]);
      }
      String text = "@RequestMapping Router urlpatterns @app.get(" + new String(noise,
          StandardCharsets.ISO_8859_1);
      Files.writeString(root.resolve("G" + i + ".java"), text);
      Files.writeString(root.resolve("g" + i + ".py"), text);
    }
    Files.writeString(root.resolve("web.xml"), "<web-app><!DOCTYPE x [<!ENTITY e SYSTEM 'f'>]>");

    ScanResult result = RouteScanner.scan(root);

    assertThat(result.filesScanned()).isEqualTo(41);
    assertThat(result.problems()).extracting(ScanProblem::file).contains("G0.java", "web.xml");
  }

  @Test
  void aMissingRootIsAnEmptyScanNotAnError() {
    ScanResult result = RouteScanner.scan(root.resolve("missing"));
    assertThat(result.endpoints()).isEmpty();
    assertThat(result.filesScanned()).isZero();
  }

  @Test
  void mountCyclesBetweenVertxRoutersEndTheStitching() throws IOException {
    Files.writeString(
        root.resolve("Cycle.java"),
        """
        class Cycle {
          void start(io.vertx.core.Vertx vertx) {
            Router a = Router.router(vertx);
            Router b = Router.router(vertx);
            a.mountSubRouter("/b", b);
            b.mountSubRouter("/a", a);
            b.get("/x");
          }
        }
        """);
    assertThat(RouteScanner.scan(root).endpoints())
        .extracting(Endpoint::route)
        .isNotEmpty()
        .allMatch(route -> route.endsWith("/x"));
  }
}
