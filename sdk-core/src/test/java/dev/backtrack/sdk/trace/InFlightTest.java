package dev.backtrack.sdk.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InFlightTest {

  @Test
  void countsRequestsThatBeginOnSomeThreadsAndEndOnOthers() throws Exception {
    long before = InFlight.sum();
    int threads = 16;
    int perThread = 20_000;
    ExecutorService beginners = Executors.newFixedThreadPool(threads);
    ExecutorService enders = Executors.newFixedThreadPool(threads / 2);
    try {
      run(beginners, threads, () -> {
        for (int i = 0; i < perThread; i++) {
          InFlight.begin();
        }
      });
      assertThat(InFlight.sum()).isEqualTo(before + (long) threads * perThread);
      run(enders, threads, () -> {
        for (int i = 0; i < perThread; i++) {
          InFlight.end();
        }
      });
      assertThat(InFlight.sum()).isEqualTo(before);
    } finally {
      beginners.shutdownNow();
      enders.shutdownNow();
    }
  }

  private static void run(ExecutorService pool, int tasks, Runnable task) throws Exception {
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      running.add(pool.submit(task));
    }
    for (Future<?> f : running) {
      f.get();
    }
  }
}
