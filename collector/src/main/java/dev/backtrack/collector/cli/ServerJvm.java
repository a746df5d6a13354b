package dev.backtrack.collector.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs the long-lived commands in a JVM sized for the collector. A JVM started with defaults
 * may take a quarter of the machine's memory for its heap and grows into it under load, while
 * the collector needs a small fraction of that; and the parallel garbage collector's cheaper
 * write barriers buy a good share of ingest throughput on a machine with few cores (see
 * docs/performance.md). So {@code start} and {@code demo}, when the JVM was given no heap size,
 * run once more in a child JVM with {@link #DEFAULT_OPTIONS} (or the options in
 * {@value #OPTIONS_ENV}); this JVM only waits for the child and passes a stop on to it. The
 * child also maps a {@link ClassCache} of the jar's classes, which the second JVM pays for in
 * start time several times over.
 */
final class ServerJvm {
  /** Set on the child, so that it runs the command itself. */
  static final String CHILD_PROPERTY = "backtrack.server-jvm";
  static final String OPTIONS_ENV = "BACKTRACK_JAVA_OPTS";
  static final List<String> DEFAULT_OPTIONS = List.of("-Xmx256m", "-XX:+UseParallelGC");

  private static final Set<String> LONG_LIVED = Set.of("start", "demo");

  private ServerJvm() {}

  /**
   * Whether {@code args} should run in a child JVM: a long-lived command, in a JVM that is not
   * itself the child and whose heap size nobody chose.
   *
   * @param jvmArguments the options this JVM was started with
   */
  static boolean wanted(String[] args, List<String> jvmArguments) {
    if (args.length == 0 || !LONG_LIVED.contains(args[0])
        || Boolean.getBoolean(CHILD_PROPERTY)) {
      return false;
    }
    return jvmArguments.stream().noneMatch(option -> option.startsWith("-Xmx")
        || option.startsWith("-XX:MaxHeapSize") || option.startsWith("-XX:MaxRAM"));
  }

  /**
   * The child's command line: this JVM's {@code java}, the sizing options, this JVM's system
   * properties given with {@code -D} (other options, such as a debugger agent, stay with this
   * JVM), the same class path and main class, and the same arguments.
   *
   * @param options the value of {@value #OPTIONS_ENV}, or null for the defaults
   * @param classes the class cache to use, or null for none
   */
  static List<String> command(String[] args, List<String> jvmArguments, String options,
      ClassCache classes) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(options == null || options.isBlank()
        ? DEFAULT_OPTIONS : List.of(options.trim().split("\\s+")));
    jvmArguments.stream().filter(option -> option.startsWith("-D")).forEach(command::add);
    if (classes != null) {
      command.addAll(classes.jvmOptions());
    }
    command.add("-D" + CHILD_PROPERTY + "=true");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  /**
   * Starts the child with this process's terminal and waits for it. Ctrl-C reaches both
   * processes from the terminal; a SIGTERM sent to this one alone is passed on, and this
   * process ends only after the child has closed the collector, with the child's status.
   */
  static int run(List<String> command, ClassCache classes)
      throws IOException, InterruptedException {
    Process child = new ProcessBuilder(command).inheritIO().start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      child.destroy();
      try {
        Runtime.getRuntime().halt(ended(child, classes));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "backtrack-stop-server-jvm"));
    return ended(child, classes);
  }

  private static int ended(Process child, ClassCache classes) throws InterruptedException {
    int status = child.waitFor();
    if (classes != null) {
      classes.settle();
    }
    return status;
  }

  /** Where class caches live: beside the default database. */
  static Path cacheFolder() {
    return CollectorRunner.BACKTRACK_HOME.resolve("class-cache");
  }

  /**
   * In the child: stops the collector (cleanly, through the shutdown hooks) when the launching
   * JVM is gone, so that killing that one with {@code SIGKILL} leaves no collector behind.
   */
  static void stopWithParent() {
    ProcessHandle.current().parent()
        .ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
  }
}
