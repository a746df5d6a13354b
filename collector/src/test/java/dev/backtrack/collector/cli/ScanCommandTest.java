package dev.backtrack.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScanCommandTest {
  @TempDir Path project;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeProject() throws IOException {
    Path controller = project.resolve("src/main/java/shop/OrderController.java");
    Files.createDirectories(controller.getParent());
    Files.writeString(
        controller,
        """
        package shop;

        @RestController
        @RequestMapping("/orders")
        class OrderController {
          @GetMapping("/{id}")
          Order get(long id) {
            return null;
          }
        }
        """);
    Files.writeString(
        project.resolve("src/main/java/shop/Broken.java"), "@RestController class {");
  }

  @Test
  void printsATableOfEndpointsWithFileAndLine() {
    int exit = execute(project.toString());

    assertThat(exit).isZero();
    assertThat(out.toString().lines())
        .containsExactly(
            "METHOD  ROUTE         LOCATION                                   HANDLER",
            "GET     /orders/{id}  src/main/java/shop/OrderController.java:6  "
                + "shop.OrderController#get",
            "1 endpoint in 2 files scanned, 1 skipped");
    assertThat(err.toString()).startsWith("skipped src/main/java/shop/Broken.java: does not parse");
  }

  @Test
  void printsJsonWithSnakeCaseKeys() throws IOException {
    int exit = execute(project.toString(), "--json");

    assertThat(exit).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("files_scanned").asInt()).isEqualTo(2);
    JsonNode endpoint = json.get("endpoints").get(0);
    assertThat(endpoint.get("method").asText()).isEqualTo("GET");
    assertThat(endpoint.get("route").asText()).isEqualTo("/orders/{id}");
    assertThat(endpoint.get("file").asText()).isEqualTo("src/main/java/shop/OrderController.java");
    assertThat(endpoint.get("line").asInt()).isEqualTo(6);
    assertThat(endpoint.get("handler").asText()).isEqualTo("shop.OrderController#get");
    assertThat(endpoint.get("framework").asText()).isEqualTo("spring");
    assertThat(json.get("problems").get(0).get("file").asText())
        .isEqualTo("src/main/java/shop/Broken.java");
    assertThat(json.get("endpoints")).hasSize(1);
  }

  @Test
  void missingPathExitsWithTwoAndSaysWhy() {
    int exit = execute(project.resolve("nope").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("no such file or folder").contains("nope");
    assertThat(out.toString()).isEmpty();
  }

  private int execute(String... args) {
    CommandLine cmd = new CommandLine(new ScanCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }
}
