package dev.backtrack.collector.cli;

import dev.backtrack.collector.demo.DemoApp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code backtrack demo}: the collector plus sample services and traffic that feed it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start the collector with a sample application and generated traffic.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ServeOptions serve;
  final CollectorRunner runner = new CollectorRunner();

  @Override
  public Integer call() {
    return runner.run(serve.toConfig(), spec.commandLine().getOut(),
        spec.commandLine().getErr(),
        (vertx, collector) -> DemoApp.start(vertx, collector.ingestEndpoint()));
  }
}
