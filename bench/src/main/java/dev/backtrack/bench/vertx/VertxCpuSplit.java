package dev.backtrack.bench.vertx;

import dev.backtrack.bench.ab.LoopbackLoad;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the Vert.x SDK's cost goes: the same alternating rounds as {@link VertxOverheadBench},
 * but the CPU time of every thread of the process (garbage collector and JIT included, read
 * from {@code /proc/self/task}) is summed per thread name, per side, and divided by the
 * requests answered. Linux only.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.backtrack.bench.vertx.VertxCpuSplit \
 *     [rounds=12] [noop]
 * </pre>
 *
 * {@code noop}: the SDK's request path only, its events dropped instead of encoded.
 */
public final class VertxCpuSplit {
  private static final int WARM_UP_ROUNDS = 3;
  /** Clock ticks of {@code /proc/.../stat}: 100 per second on Linux. */
  private static final double MICROS_PER_TICK = 10_000;

  private VertxCpuSplit() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    boolean reporting = args.length <= 1 || !args[1].equals("noop");
    Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    LoopbackLoad load = new LoopbackLoad(clientVertx);
    Map<String, long[]> ticks = new TreeMap<>();
    long[] requests = new long[2];
    try (SampleApp plain = SampleApp.plain(1); SampleApp sdk = reporting
        ? SampleApp.instrumented(1) : SampleApp.instrumentedWithoutReporting(1)) {
      int[] ports = {plain.port(), sdk.port()};
      for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
        for (int side = 0; side < 2; side++) {
          Map<String, Long> before = threadTicks();
          LoopbackLoad.Result result = load.run(ports[side], List.of(SampleApp.PATH), 32, 2000);
          Map<String, Long> after = threadTicks();
          if (round < WARM_UP_ROUNDS) {
            continue;
          }
          requests[side] += result.requests();
          for (Map.Entry<String, Long> e : after.entrySet()) {
            long used = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            ticks.computeIfAbsent(name(e.getKey()), k -> new long[2])[side] += used;
          }
        }
      }
    } finally {
      clientVertx.close().await();
    }
    System.out.printf(Locale.ROOT, "%-24s %9s %9s %9s   (CPU us per request)%n", "thread",
        "plain", "with sdk", "change");
    for (Map.Entry<String, long[]> e : ticks.entrySet()) {
      double plainMicros = e.getValue()[0] * MICROS_PER_TICK / requests[0];
      double sdkMicros = e.getValue()[1] * MICROS_PER_TICK / requests[1];
      if (plainMicros + sdkMicros >= 0.01) {
        System.out.printf(Locale.ROOT, "%-24s %9.3f %9.3f %+9.3f%n", e.getKey(), plainMicros,
            sdkMicros, sdkMicros - plainMicros);
      }
    }
  }

  /** The thread's name without its numbers, so that the GC's or JIT's workers add up. */
  private static String name(String key) {
    return key.substring(0, key.indexOf('#')).replaceAll("\\d+", "N");
  }

  /** User plus system clock ticks per thread, keyed by "name#tid". */
  private static Map<String, Long> threadTicks() throws IOException {
    Map<String, Long> ticks = new HashMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String comm = Files.readString(task.resolve("comm")).trim();
          // fields after "(comm)": state is the first, utime the 12th, stime the 13th
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks.put(comm + "#" + task.getFileName(),
              Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException gone) {
          // the thread ended between listing and reading
        }
      }
    }
    return ticks;
  }
}
