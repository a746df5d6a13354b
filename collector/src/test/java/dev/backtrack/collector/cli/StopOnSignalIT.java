package dev.backtrack.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.collector.support.Batches;
import dev.backtrack.collector.support.SqliteRows;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backtrack start} as its own process, stopped the way a service manager or a terminal
 * stops it: SIGTERM must close the collector (queued writes reach the file) and end with 0, also
 * when it reaches the launching JVM rather than the sized one the collector runs in.
 */
class StopOnSignalIT {
  private static final Pattern LISTENING = Pattern.compile("backtrack listening on (http://\\S+)");

  private Path output;
  private Process process;

  @AfterEach
  void killLeftover() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  @Test
  void sigtermStoresTheBatchPrintsStoppedAndExitsZero(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("bt.db");
    // To a file, not a pipe: Process.destroy() closes the pipes, so the last lines would be
    // lost to this side.
    output = dir.resolve("out.txt");
    process = new ProcessBuilder(javaCommand(), "-cp", testClassPath(), Main.class.getName(),
        "start", "--port", "0", "--db", db.toString())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    String base = awaitListening();
    // No heap was chosen for this JVM, so the collector runs in a child JVM sized for it.
    assertThat(process.toHandle().children().map(StopOnSignalIT::commandLine))
        .anyMatch(arguments -> arguments.containsAll(ServerJvm.DEFAULT_OPTIONS));

    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(base + "/ingest"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(
                Batches.batch("signal-api", 3).encode()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    process.destroy(); // SIGTERM

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited in time").isTrue();
    assertThat(process.exitValue()).as(String.join("\n", lines())).isZero();
    assertThat(lines()).contains("backtrack stopped");
    assertThat(SqliteRows.count(db, "events")).isEqualTo(3);
  }

  /** Read from /proc: ProcessHandle leaves out the arguments of long command lines. */
  private static List<String> commandLine(ProcessHandle process) {
    try {
      return List.of(Files.readString(Path.of("/proc", String.valueOf(process.pid()),
          "cmdline")).split("\u0000"));
    } catch (IOException e) {
      return List.of();
    }
  }

  @Test
  void theCollectorStopsWhenItsLauncherIsKilled(@TempDir Path dir) throws Exception {
    output = dir.resolve("out.txt");
    process = new ProcessBuilder(javaCommand(), "-cp", testClassPath(), Main.class.getName(),
        "start", "--port", "0", "--db", dir.resolve("bt.db").toString())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    awaitListening();
    ProcessHandle collector = process.toHandle().children().findFirst().orElseThrow();

    process.destroyForcibly(); // SIGKILL: the launcher cannot pass anything on

    assertThat(collector.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
    assertThat(lines()).contains("backtrack stopped");
  }

  private List<String> lines() throws IOException {
    return Files.exists(output) ? Files.readAllLines(output) : List.of();
  }

  private String awaitListening() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (String line : lines()) {
        Matcher matcher = LISTENING.matcher(line);
        if (matcher.find()) {
          return matcher.group(1);
        }
      }
      assertThat(process.isAlive()).as(String.join("\n", lines())).isTrue();
      Thread.sleep(20);
    }
    throw new AssertionError("the collector did not start: " + lines());
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Surefire names the real class path here; the JVM's own may be a manifest-only jar. */
  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire : System.getProperty("java.class.path");
  }
}
