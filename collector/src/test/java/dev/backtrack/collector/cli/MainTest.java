package dev.backtrack.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  CommandLine command() {
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd;
  }

  @Test
  void printsHelpWithTheSubcommands() {
    int code = command().execute("--help");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("start", "demo", "scan");
  }

  @Test
  void printsTheStartFlags() {
    int code = command().execute("start", "--help");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("--host", "--port", "--db", "--retention", "--scan",
        "--scan-service", "--token", "127.0.0.1", "9876", "3600");
  }

  @Test
  void printsTheVersion() {
    int code = command().execute("--version");

    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("backtrack ");
  }

  @Test
  void refusesANonLoopbackBindWithoutATokenInOneLine(@TempDir Path dir) {
    int code = command().execute("start", "--host", "0.0.0.0", "--port", "0",
        "--db", dir.resolve("bt.db").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("backtrack: refusing to listen on 0.0.0.0")
        .hasLineCount(1);
  }

  @Test
  void reportsAnUnwritableDatabaseInOneLine(@TempDir Path dir) throws Exception {
    Path blocker = Files.writeString(dir.resolve("file"), "x");
    int code = command().execute("start", "--port", "0",
        "--db", blocker.resolve("bt.db").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("backtrack: cannot create folder").hasLineCount(1);
  }

  @Test
  void refusesAScanServiceWithoutAScan() {
    int code = command().execute("start", "--scan-service", "api");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--scan-service");
  }

  @Test
  void startsServesAndStopsCleanly(@TempDir Path dir) throws Exception {
    CommandLine cmd = command();
    StartCommand start = cmd.getSubcommands().get("start").getCommand();
    start.runner.withoutSignalHandlers();
    Path db = dir.resolve("nested/bt.db");
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
        cmd.execute("start", "--port", "0", "--db", db.toString()));

    String base = awaitListening(exit);
    HttpResponse<String> health = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(base + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    start.runner.stop();

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString()).contains("backtrack stopped");
    assertThat(db).exists();
  }

  private String awaitListening(CompletableFuture<Integer> exit) throws InterruptedException {
    Pattern listening = Pattern.compile("backtrack listening on (http://\\S+)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Matcher matcher = listening.matcher(out.toString());
      if (matcher.find()) {
        return matcher.group(1);
      }
      assertThat(exit).as(err.toString()).isNotDone();
      Thread.sleep(20);
    }
    throw new AssertionError("the collector did not start: " + err);
  }
}
