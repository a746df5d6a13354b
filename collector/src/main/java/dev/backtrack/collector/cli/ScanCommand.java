package dev.backtrack.collector.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code backtrack scan PATH}: prints the routes a source tree defines. */
@Command(name = "scan", description = "Print the routes a source tree defines, without a server.")
public final class ScanCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
