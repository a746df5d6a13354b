package dev.backtrack.collector.model;

/** The process that sent a batch. {@code pid} 0 and empty strings mean unknown. */
public record Instance(String host, long pid, String sdk) {
  public static final Instance UNKNOWN = new Instance("", 0, "");
}
