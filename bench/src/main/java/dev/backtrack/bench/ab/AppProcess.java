package dev.backtrack.bench.ab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An application under test in a JVM of its own, as it would run in production: its JIT
 * profiles, heap and garbage collector are not shared with the other side of the A/B or with
 * the load generator. The child prints {@code port N} once it listens, serves until its
 * standard input closes, and may print a summary before it exits (see {@link AppMain}).
 */
public final class AppProcess implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final int port;

  /** Starts {@code mainClass} with the benchmark's class path and waits until it listens. */
  public AppProcess(String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.startsWith("port ")) {
      // output before the port, such as a logger's banner
    }
    if (line == null) {
      process.destroyForcibly();
      throw new IOException(mainClass + " exited before it listened");
    }
    port = Integer.parseInt(line.substring("port ".length()).trim());
  }

  public int port() {
    return port;
  }

  /** CPU time the child has used so far, all its threads together. */
  public long cpuNanos() {
    return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /** CPU clock ticks the child's threads have used so far, per thread name. */
  public Map<String, Long> threadTicks() {
    return ThreadCpu.ticks(process.pid());
  }

  /** Asks the child to stop, and returns what it printed meanwhile. */
  public List<String> stop() throws IOException, InterruptedException {
    process.getOutputStream().close();
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = out.readLine()) != null) {
      lines.add(line);
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    return lines;
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
