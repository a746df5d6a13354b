package dev.backtrack.collector.bus;

/**
 * Event-bus addresses of the collector's stages, all under one prefix so that a collector
 * embedded in a host application does not collide with the host's own addresses.
 */
public final class Addresses {
  /** The prefix used when none is configured. */
  public static final String DEFAULT_PREFIX = "backtrack";

  private final String prefix;

  public Addresses(String prefix) {
    this.prefix = prefix == null || prefix.isBlank() ? DEFAULT_PREFIX : prefix;
  }

  /** Request/reply: a {@code Batch} to make durable; the reply comes after the commit. */
  public String storageWrite() {
    return prefix + ".storage.write";
  }

  /** Publish: a {@code Batch} right after it became durable (never a duplicate). */
  public String stored() {
    return prefix + ".storage.stored";
  }

  /** Request/reply: read queries answered by the storage stage. */
  public String storageRead() {
    return prefix + ".storage.read";
  }

  /** Request/reply: window aggregations answered by the query stage. */
  public String query() {
    return prefix + ".query";
  }

  public String prefix() {
    return prefix;
  }
}
