package dev.backtrack.bench.ab;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time per thread of a process, summed over threads of the same name with their numbers
 * left out (so that the garbage collector's or a pool's threads add up), read from
 * {@code /proc/<pid>/task}. Linux only: elsewhere the map is empty.
 */
public final class ThreadCpu {
  /** Clock ticks of {@code /proc/.../stat}: 100 per second on Linux. */
  public static final double MICROS_PER_TICK = 10_000;

  private ThreadCpu() {}

  /** User plus system clock ticks used so far, per thread name. */
  public static Map<String, Long> ticks(long pid) {
    Map<String, Long> ticks = new HashMap<>();
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    if (!Files.isDirectory(tasks)) {
      return ticks;
    }
    try (DirectoryStream<Path> all = Files.newDirectoryStream(tasks)) {
      for (Path task : all) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = Files.readString(task.resolve("comm")).trim().replaceAll("\\d+", "N");
          // fields after "(comm)": state is the first, utime the 12th, stime the 13th
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
        } catch (IOException | RuntimeException gone) {
          // the thread ended between listing and reading
        }
      }
    } catch (IOException gone) {
      // the process ended
    }
    return ticks;
  }

  /** {@code after} minus {@code before}, per name, added into {@code sum}. */
  public static void addDifference(Map<String, Long> sum, Map<String, Long> before,
      Map<String, Long> after) {
    after.forEach((name, ticks) -> sum.merge(name, ticks - before.getOrDefault(name, 0L),
        Long::sum));
  }
}
