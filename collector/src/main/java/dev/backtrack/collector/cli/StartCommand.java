package dev.backtrack.collector.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code backtrack start}: runs the collector until Ctrl-C or SIGTERM. */
@Command(name = "start", mixinStandardHelpOptions = true,
    description = "Start the collector and its dashboard.")
final class StartCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ServeOptions serve;
  final CollectorRunner runner = new CollectorRunner();

  @Override
  public Integer call() {
    return runner.run(serve.toConfig(), spec.commandLine().getOut(),
        spec.commandLine().getErr(), null);
  }
}
