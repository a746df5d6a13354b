package dev.backtrack.collector.cli;

import dev.backtrack.collector.Version;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point of {@code backtrack.jar}: {@code backtrack start | demo | scan}. */
@Command(
    name = "backtrack",
    mixinStandardHelpOptions = true,
    versionProvider = Main.JarVersion.class,
    description = "Local-first API observability for Java backends.",
    subcommands = {StartCommand.class, DemoCommand.class, ScanCommand.class})
public final class Main implements Runnable {
  /** Exit code of a start that failed for a reason the message explains. */
  static final int EXIT_CANNOT_START = 2;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) throws Exception {
    List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
    if (ServerJvm.wanted(args, jvmArguments)) {
      ClassCache classes = ClassCache.forClassPath(System.getProperty("java.class.path"),
          ServerJvm.cacheFolder());
      System.exit(ServerJvm.run(ServerJvm.command(args, jvmArguments,
          System.getenv(ServerJvm.OPTIONS_ENV), classes), classes));
    }
    if (Boolean.getBoolean(ServerJvm.CHILD_PROPERTY)) {
      ServerJvm.stopWithParent();
    }
    System.exit(commandLine().execute(args));
  }

  /** The command line with its error handling: one line per failure, never a stack trace. */
  static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new Main());
    cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      err.println("backtrack: " + oneLine(e));
      err.flush();
      return EXIT_CANNOT_START;
    });
    return cmd;
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** {@code --version}: the version the build wrote into the jar. */
  static final class JarVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"backtrack " + Version.current()};
    }
  }
}
