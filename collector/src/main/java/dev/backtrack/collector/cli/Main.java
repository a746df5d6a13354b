package dev.backtrack.collector.cli;

/** Entry point of {@code backtrack.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("backtrack collector");
  }
}
