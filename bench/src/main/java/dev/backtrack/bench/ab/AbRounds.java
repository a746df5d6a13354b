package dev.backtrack.bench.ab;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the same load against a plain and an instrumented app, each in a JVM of its own
 * ({@link AppProcess}), in many short pairs, the order alternating from pair to pair, so that
 * drift on a small machine (frequency, other processes) hits both sides alike. The verdict is
 * the median of the per-pair ratios, which one disturbed round cannot move much.
 */
public final class AbRounds {
  /**
   * Both sides summed over all pairs, the per-pair throughput ratios (sdk / plain), and the CPU
   * clock ticks each app's threads used in the measured rounds, per thread name, and the
   * warm-up pairs run before them (over all launches, when launches are added up).
   */
  public record Outcome(LoopbackLoad.Result plain, LoopbackLoad.Result sdk, double[] ratios,
      Map<String, Long> plainThreads, Map<String, Long> sdkThreads, int warmUpPairs) {
    public double medianRatio() {
      double[] sorted = ratios.clone();
      Arrays.sort(sorted);
      int middle = sorted.length / 2;
      return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** How much the p99 of all instrumented requests moved against the plain ones, in %. */
    public double p99ChangePercent() {
      return (sdk.p99Micros() / plain.p99Micros() - 1) * 100;
    }

    public void print() {
      line("plain", plain);
      line("with sdk", sdk);
      System.out.printf(Locale.ROOT, "per-pair ratios %s%n", Arrays.toString(Arrays.stream(ratios)
          .mapToObj(r -> String.format(Locale.ROOT, "%.3f", r)).toArray()));
      System.out.printf(Locale.ROOT, "throughput ratio %.3f (median of %d pairs; summed %.3f;"
          + " target >= 0.97)%n", medianRatio(), ratios.length,
          sdk.throughput() / plain.throughput());
      System.out.printf(Locale.ROOT, "p99 change %+.1f %% (target within 5 %%)%n",
          p99ChangePercent());
      System.out.printf(Locale.ROOT, "process cpu per request: plain %.2f us, with sdk %.2f us"
          + " (sdk costs %+.2f us)%n", plain.cpuMicrosPerRequest(), sdk.cpuMicrosPerRequest(),
          sdk.cpuMicrosPerRequest() - plain.cpuMicrosPerRequest());
      printThreads();
    }

    /** What the second app's threads used per request more than the first's, all together. */
    public double appCpuChangeMicros() {
      long plainTicks = plainThreads.values().stream().mapToLong(Long::longValue).sum();
      long sdkTicks = sdkThreads.values().stream().mapToLong(Long::longValue).sum();
      return perRequest(sdkTicks, sdk) - perRequest(plainTicks, plain);
    }

    /** The apps' CPU per request by thread, where either side used some. */
    private void printThreads() {
      Set<String> names = new TreeSet<>(plainThreads.keySet());
      names.addAll(sdkThreads.keySet());
      System.out.printf(Locale.ROOT, "app threads, cpu us per request: %-18s %8s %8s %8s%n",
          "", "plain", "with sdk", "change");
      for (String name : names) {
        double p = perRequest(plainThreads.getOrDefault(name, 0L), plain);
        double s = perRequest(sdkThreads.getOrDefault(name, 0L), sdk);
        if (p + s >= 0.01) {
          System.out.printf(Locale.ROOT, "  %-48s %8.3f %8.3f %+8.3f%n", name, p, s, s - p);
        }
      }
    }

    /** This outcome and {@code other}, from another launch of the apps, as one. */
    Outcome plus(Outcome other) {
      double[] both = Arrays.copyOf(ratios, ratios.length + other.ratios.length);
      System.arraycopy(other.ratios, 0, both, ratios.length, other.ratios.length);
      Map<String, Long> plainSum = new HashMap<>(plainThreads);
      other.plainThreads.forEach((name, ticks) -> plainSum.merge(name, ticks, Long::sum));
      Map<String, Long> sdkSum = new HashMap<>(sdkThreads);
      other.sdkThreads.forEach((name, ticks) -> sdkSum.merge(name, ticks, Long::sum));
      return new Outcome(plain.plus(other.plain), sdk.plus(other.sdk), both, plainSum, sdkSum,
          warmUpPairs + other.warmUpPairs);
    }

    private static double perRequest(long ticks, LoopbackLoad.Result r) {
      return r.requests() == 0 ? 0 : ticks * ThreadCpu.MICROS_PER_TICK / r.requests();
    }

    private static void line(String name, LoopbackLoad.Result r) {
      System.out.printf(Locale.ROOT,
          "%-9s %9.0f req/s   p50 %6.0f us   p99 %6.0f us   cpu %5.2f us/req   errors %d%n", name,
          r.throughput(), r.p50Micros(), r.p99Micros(), r.cpuMicrosPerRequest(), r.errors());
    }
  }

  private AbRounds() {}

  /**
   * Pairs run first and not counted, at least and at most: warming up goes on until the JIT has
   * settled in both apps, as the target is about the steady state. A servlet app under this load
   * still compiles after 6 s of it, and compiling is CPU the other side does not spend then.
   */
  private static final int MIN_WARM_UP_PAIRS = 3;
  private static final int MAX_WARM_UP_PAIRS = 12;
  /** Compiler threads' CPU in a warm-up round, in clock ticks of 10 ms, that counts as settled. */
  private static final long SETTLED_COMPILER_TICKS = 2;

  /**
   * Starts both apps ({@code mainClass} with {@code plainMode} and with {@code sdkMode}) afresh
   * {@code launches} times, and runs {@link #run(LoopbackLoad, AppProcess, AppProcess, List,
   * int, long, int)} against each launch: one JVM's JIT decisions hold for as long as it runs
   * and can move a whole launch by a few percent, as forks do in JMH. Prints each launch's
   * median ratio and what the instrumented app printed when it stopped.
   *
   * @return all launches together: the verdict is the median of all their pairs
   */
  public static Outcome run(LoopbackLoad load, String mainClass, String plainMode,
      String sdkMode, List<String> paths, int connections, long roundMillis, int pairs,
      int launches) throws IOException, InterruptedException {
    Outcome all = null;
    for (int launch = 1; launch <= launches; launch++) {
      try (AppProcess plain = new AppProcess(mainClass, plainMode);
          AppProcess sdk = new AppProcess(mainClass, sdkMode)) {
        Outcome outcome = run(load, plain, sdk, paths, connections, roundMillis, pairs);
        plain.stop();
        // worded unlike the summary's "throughput ratio", which the suite reads
        // the app's CPU per launch shows when one launch's JIT made the same code dearer
        System.out.printf(Locale.ROOT, "launch %d: warmed up in %d pairs, median of its %d pairs"
            + " %.3f, app threads %+.2f us per request%n", launch, outcome.warmUpPairs(), pairs,
            outcome.medianRatio(), outcome.appCpuChangeMicros());
        for (String line : sdk.stop()) {
          System.out.printf(Locale.ROOT, "launch %d: %s%n", launch, line);
        }
        all = all == null ? outcome : all.plus(outcome);
      }
    }
    return all;
  }

  /** A warm-up ({@link #MIN_WARM_UP_PAIRS}), then {@code pairs} pairs of {@code roundMillis}. */
  public static Outcome run(LoopbackLoad load, AppProcess plainApp, AppProcess sdkApp,
      List<String> paths, int connections, long roundMillis, int pairs)
      throws InterruptedException {
    int warmUpPairs = 0;
    boolean settled = false;
    while (warmUpPairs < MAX_WARM_UP_PAIRS && (warmUpPairs < MIN_WARM_UP_PAIRS || !settled)) {
      Map<String, Long> plainWarming = new HashMap<>();
      Map<String, Long> sdkWarming = new HashMap<>();
      round(load, plainApp, paths, connections, roundMillis, plainWarming);
      round(load, sdkApp, paths, connections, roundMillis, sdkWarming);
      settled = compilerTicks(plainWarming) <= SETTLED_COMPILER_TICKS
          && compilerTicks(sdkWarming) <= SETTLED_COMPILER_TICKS;
      warmUpPairs++;
    }
    LoopbackLoad.Result plain = null;
    LoopbackLoad.Result sdk = null;
    double[] ratios = new double[pairs];
    Map<String, Long> plainThreads = new HashMap<>();
    Map<String, Long> sdkThreads = new HashMap<>();
    for (int pair = 0; pair < pairs; pair++) {
      boolean plainFirst = pair % 2 == 0;
      LoopbackLoad.Result first = round(load, plainFirst ? plainApp : sdkApp, paths,
          connections, roundMillis, plainFirst ? plainThreads : sdkThreads);
      LoopbackLoad.Result second = round(load, plainFirst ? sdkApp : plainApp, paths,
          connections, roundMillis, plainFirst ? sdkThreads : plainThreads);
      LoopbackLoad.Result plainRun = plainFirst ? first : second;
      LoopbackLoad.Result sdkRun = plainFirst ? second : first;
      ratios[pair] = sdkRun.throughput() / plainRun.throughput();
      plain = plain == null ? plainRun : plain.plus(plainRun);
      sdk = sdk == null ? sdkRun : sdk.plus(sdkRun);
    }
    return new Outcome(plain, sdk, ratios, plainThreads, sdkThreads, warmUpPairs);
  }

  private static long compilerTicks(Map<String, Long> threads) {
    return threads.entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
        .mapToLong(Map.Entry::getValue).sum();
  }

  /**
   * One run against {@code app}, its process's CPU time included, and its threads' CPU ticks
   * added to {@code threads}.
   */
  private static LoopbackLoad.Result round(LoopbackLoad load, AppProcess app,
      List<String> paths, int connections, long roundMillis, Map<String, Long> threads)
      throws InterruptedException {
    long appCpu = app.cpuNanos();
    Map<String, Long> before = app.threadTicks();
    LoopbackLoad.Result result = load.run(app.port(), paths, connections, roundMillis);
    ThreadCpu.addDifference(threads, before, app.threadTicks());
    return result.withCpu(app.cpuNanos() - appCpu);
  }
}
