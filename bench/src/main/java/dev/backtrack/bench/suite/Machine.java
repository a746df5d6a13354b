package dev.backtrack.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The facts that make figures comparable: cores, memory, CPU model, JDK. */
final class Machine {
  private Machine() {}

  static String describe() {
    return String.format(Locale.ROOT, "Machine: %d cores, %s memory, CPU %s; JDK %s (%s).",
        Runtime.getRuntime().availableProcessors(), memory(), cpuModel(),
        System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"));
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String memory() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream()
          .filter(l -> l.startsWith("MemTotal:")).findFirst()
          .map(l -> String.format(Locale.ROOT, "%.1f GiB",
              Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0))
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
