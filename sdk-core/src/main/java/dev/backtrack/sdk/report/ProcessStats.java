package dev.backtrack.sdk.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Samples the process's CPU use and resident memory for heartbeats. Safe on any JVM: where a
 * figure is not available it falls back (heap used for memory) or reports 0 (CPU).
 */
public final class ProcessStats {
  private static final Path STATUS = Path.of("/proc/self/status");

  private final CpuTime cpu = CpuTime.create();
  private long lastCpuNanos = -1;
  private long lastWallNanos;

  /**
   * Process CPU since the previous call, in percent of one core (above 100 on several cores);
   * 0 on the first call or when the JVM does not say.
   */
  public synchronized double cpuPercent() {
    long cpuNanos = cpu.processCpuNanos();
    long wall = System.nanoTime();
    double pct = 0;
    if (cpuNanos >= 0 && lastCpuNanos >= 0 && wall > lastWallNanos) {
      pct = 100.0 * (cpuNanos - lastCpuNanos) / (wall - lastWallNanos);
    }
    lastCpuNanos = cpuNanos;
    lastWallNanos = wall;
    return Math.max(0, pct);
  }

  /** Resident memory in bytes ({@code VmRSS} on Linux), else the heap in use. */
  public long rssBytes() {
    long rss = linuxRss();
    if (rss > 0) {
      return rss;
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static long linuxRss() {
    if (!Files.isReadable(STATUS)) {
      return -1;
    }
    try {
      List<String> lines = Files.readAllLines(STATUS);
      for (String line : lines) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024; // the kernel reports kB
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux after all, or an unexpected format: fall back
    }
    return -1;
  }

  /** Reads process CPU time through the JDK extension when this JVM has it. */
  private interface CpuTime {
    /** Process CPU time in nanoseconds, or -1. */
    long processCpuNanos();

    static CpuTime create() {
      try {
        Class.forName("com.sun.management.OperatingSystemMXBean");
        return SunCpuTime.create();
      } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
        return () -> -1;
      }
    }
  }

  /** Kept in its own class so that JVMs without {@code com.sun.management} never load it. */
  private static final class SunCpuTime {
    static CpuTime create() {
      if (ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean os) {
        return os::getProcessCpuTime;
      }
      return () -> -1;
    }
  }
}
