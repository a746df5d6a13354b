package dev.backtrack.bench.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a benchmark's {@code main} in a JVM of its own, with this JVM's java and class path, and
 * hands back what it printed. A fresh JVM per part keeps heaps, JIT profiles and threads of one
 * part from colouring the next; the output is kept in a log file too.
 */
final class JavaMain {
  private JavaMain() {}

  /** The {@code java} launcher of the running JVM. */
  static String java() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Runs {@code mainClass} with {@code args}, waiting at most {@code timeoutSeconds}.
   *
   * @return stdout and stderr as one text
   * @throws IOException when the JVM cannot start, times out or exits with a failure
   */
  static String run(Path log, long timeoutSeconds, String mainClass, String... args)
      throws IOException, InterruptedException {
    return run(log, timeoutSeconds, List.of(), mainClass, args);
  }

  /** As above, with options for the JVM. */
  static String run(Path log, long timeoutSeconds, List<String> jvmOptions, String mainClass,
      String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java(),
        // figures printed with "%,.0f" must read the same on every machine
        "-Duser.language=en", "-Duser.country=US"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    return run(log, timeoutSeconds, command);
  }

  static String run(Path log, long timeoutSeconds, List<String> command)
      throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new IOException("timed out after " + timeoutSeconds + " s (log: " + log + ")");
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IOException("exit status " + process.exitValue() + " (log: " + log + ")");
    }
    return output;
  }
}
