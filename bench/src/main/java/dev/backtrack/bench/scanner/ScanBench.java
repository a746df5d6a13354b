package dev.backtrack.bench.scanner;

import dev.backtrack.scanner.RouteScanner;
import dev.backtrack.scanner.ScanResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Times {@link RouteScanner#scan} over a generated tree of Java sources.
 *
 * <p>Usage: {@code ScanBench [files] [runs]} (defaults 10000 files, 3 runs). The first run is
 * the one a user sees (cold JVM, cold parser); the later ones show the warmed-up speed.
 */
public final class ScanBench {
  private ScanBench() {}

  public static void main(String[] args) throws IOException {
    int files = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path root = Files.createTempDirectory("backtrack-scan-bench");
    try {
      int withRoutes = SourceTreeGenerator.generate(root, files);
      System.out.printf(
          "generated %d Java files (%d with routes) on %d cores%n",
          files, withRoutes, Runtime.getRuntime().availableProcessors());
      for (int run = 1; run <= runs; run++) {
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        ScanResult result = RouteScanner.scan(root);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (processCpuNanos() - cpuStart) / 1_000_000;
        // CPU time next to wall time: on a busy machine the wall clock says more about the
        // neighbours than about the scanner.
        System.out.printf(
            "run %d: %d files, %d endpoints, %d problems in %d ms wall, %d ms CPU%n",
            run, result.filesScanned(), result.endpoints().size(), result.problems().size(),
            millis, cpuMillis);
      }
    } finally {
      deleteTree(root);
    }
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
