package dev.backtrack.collector.model;

/** Outgoing HTTP calls of one request: how many, and their total time in microseconds. */
public record OutStats(int count, long micros) {
  public static final OutStats NONE = new OutStats(0, 0);
}
