package dev.backtrack.collector.scan;

/** A scan request named a folder the collector may not read: outside every start root. */
public final class ScanRefusedException extends RuntimeException {
  public ScanRefusedException(String message) {
    super(message);
  }
}
