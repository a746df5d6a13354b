package dev.backtrack.bench.ab;

import java.io.IOException;

/** The child's side of {@link AppProcess}. */
public final class AppMain {
  private AppMain() {}

  /** Says where the app listens, then blocks until the parent closes standard input. */
  public static void serveUntilStdinCloses(int port) throws IOException {
    System.out.println("port " + port);
    System.out.flush();
    while (System.in.read() >= 0) {
      // nothing is sent; end of input is the signal
    }
  }
}
