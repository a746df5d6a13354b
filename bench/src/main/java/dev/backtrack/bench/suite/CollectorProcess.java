package dev.backtrack.bench.suite;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The collector as users run it, {@code java -jar backtrack.jar start}, in a process of its own
 * on a free loopback port and a fresh database, so that its start time and memory are its own.
 */
final class CollectorProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofMillis(500)).build();

  private final Process process;
  private final int port;
  private final long startedNanos;

  private CollectorProcess(Process process, int port, long startedNanos) {
    this.process = process;
    this.port = port;
    this.startedNanos = startedNanos;
  }

  /**
   * Launches the jar; returns at once, before the collector answers.
   *
   * @param home the user's home folder as the collector sees it: where it keeps its caches
   */
  static CollectorProcess launch(Path jar, Path dir, Path home, Path log) throws IOException {
    int port = freePort();
    Files.createDirectories(dir);
    List<String> command = List.of(JavaMain.java(), "-Duser.home=" + home, "-jar",
        jar.toString(), "start",
        "--port", String.valueOf(port), "--db", dir.resolve("backtrack.db").toString());
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    return new CollectorProcess(process, port, started);
  }

  int port() {
    return port;
  }

  String ingestUrl() {
    return "http://127.0.0.1:" + port + "/ingest";
  }

  /**
   * Polls {@code GET /health} until it answers 200.
   *
   * @return milliseconds from the launch to the first 200
   */
  double awaitHealthy(Duration timeout) throws IOException, InterruptedException {
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/health")).timeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("the collector exited with status " + process.exitValue());
      }
      try {
        if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return (System.nanoTime() - startedNanos) / 1e6;
        }
      } catch (ConnectException | HttpTimeoutException e) {
        // not listening yet
      }
      Thread.sleep(5);
    }
    throw new IOException("no 200 from /health within " + timeout);
  }

  /**
   * The peak resident set size so far ({@code VmHWM}) of the launched process and every process
   * under it, summed: the jar runs the collector in a child JVM of its own.
   */
  long peakRssBytes() throws IOException {
    long total = peakRssBytes(process.pid());
    for (ProcessHandle child : process.descendants().toList()) {
      total += peakRssBytes(child.pid());
    }
    return total;
  }

  private static long peakRssBytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IOException("no VmHWM in /proc/" + pid + "/status");
  }

  /** SIGTERM, as Ctrl-C would; forcibly after ten seconds. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
