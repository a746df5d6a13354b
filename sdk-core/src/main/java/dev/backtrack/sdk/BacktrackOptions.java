package dev.backtrack.sdk;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Settings of the SDK. Immutable: each setter returns a copy.
 *
 * <p>{@link #fromEnvironment()} reads environment variables and then system properties (which
 * win); values set in code on the result win over both.
 */
public final class BacktrackOptions {
  /** Default service name: {@code unknown-service}. */
  public static final String DEFAULT_SERVICE = "unknown-service";
  /** Default collector endpoint: {@code http://127.0.0.1:9876/ingest}. */
  public static final String DEFAULT_ENDPOINT = "http://127.0.0.1:9876/ingest";
  /** Default buffer size: 5,000 events. */
  public static final int DEFAULT_BUFFER_SIZE = 5000;
  /** Default flush interval: 1,000 ms. */
  public static final long DEFAULT_FLUSH_INTERVAL_MILLIS = 1000;
  /** Default heartbeat interval: 5,000 ms. */
  public static final long DEFAULT_HEARTBEAT_INTERVAL_MILLIS = 5000;

  private String service = DEFAULT_SERVICE;
  private String endpoint = DEFAULT_ENDPOINT;
  private String token;
  private boolean enabled = true;
  private int bufferSize = DEFAULT_BUFFER_SIZE;
  private long flushIntervalMillis = DEFAULT_FLUSH_INTERVAL_MILLIS;
  private long heartbeatIntervalMillis = DEFAULT_HEARTBEAT_INTERVAL_MILLIS;
  private String sdk = "backtrack-java/0.1.0";

  private BacktrackOptions() {}

  /** The defaults, ignoring environment and system properties. */
  public static BacktrackOptions defaults() {
    return new BacktrackOptions();
  }

  /** The defaults overridden by environment variables, then by system properties. */
  public static BacktrackOptions fromEnvironment() {
    return fromSources(System::getProperty, System::getenv);
  }

  /**
   * The defaults overridden by {@code env}, then by {@code properties}.
   *
   * @throws IllegalArgumentException naming the setting when a value does not parse
   */
  public static BacktrackOptions fromSources(UnaryOperator<String> properties,
      UnaryOperator<String> env) {
    BacktrackOptions o = new BacktrackOptions();
    for (UnaryOperator<String> source : java.util.List.of(env, properties)) {
      boolean isEnv = source == env;
      String v;
      if ((v = read(source, isEnv, "service")) != null) {
        o.service = checkService(v);
      }
      if ((v = read(source, isEnv, "endpoint")) != null) {
        o.endpoint = checkEndpoint(v);
      }
      if ((v = read(source, isEnv, "token")) != null) {
        o.token = v;
      }
      if ((v = read(source, isEnv, "enabled")) != null) {
        o.enabled = parseBoolean("enabled", v);
      }
      if ((v = read(source, isEnv, "buffer-size")) != null) {
        o.bufferSize = (int) parsePositive("buffer-size", v, Integer.MAX_VALUE);
      }
      if ((v = read(source, isEnv, "flush-interval-ms")) != null) {
        o.flushIntervalMillis = parsePositive("flush-interval-ms", v, Long.MAX_VALUE);
      }
      if ((v = read(source, isEnv, "heartbeat-interval-ms")) != null) {
        o.heartbeatIntervalMillis = parsePositive("heartbeat-interval-ms", v, Long.MAX_VALUE);
      }
    }
    return o;
  }

  private static String read(UnaryOperator<String> source, boolean isEnv, String key) {
    String name = isEnv
        ? "BACKTRACK_" + key.replace('-', '_').toUpperCase(Locale.ROOT)
        : "backtrack." + key;
    String v = source.apply(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static boolean parseBoolean(String key, String v) {
    switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> {
        return true;
      }
      case "false", "0", "no", "off" -> {
        return false;
      }
      default -> throw new IllegalArgumentException(
          "backtrack." + key + " must be true or false, not '" + v + "'");
    }
  }

  private static long parsePositive(String key, String v, long max) {
    try {
      long n = Long.parseLong(v.replace("_", ""));
      if (n < 1 || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "backtrack." + key + " must be a positive whole number, not '" + v + "'");
    }
  }

  private static String checkService(String s) {
    Objects.requireNonNull(s, "service");
    String v = s.trim();
    if (v.isEmpty() || v.length() > 128 || v.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "backtrack.service must be 1-128 characters without control characters: '" + s + "'");
    }
    return v;
  }

  private static String checkEndpoint(String e) {
    try {
      URI uri = URI.create(e.trim());
      String scheme = uri.getScheme();
      if (uri.getHost() == null
          || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      return uri.toString();
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException(
          "backtrack.endpoint must be an http(s) URL like " + DEFAULT_ENDPOINT + ", not '" + e
              + "'", ex);
    }
  }

  private BacktrackOptions copy() {
    BacktrackOptions o = new BacktrackOptions();
    o.service = service;
    o.endpoint = endpoint;
    o.token = token;
    o.enabled = enabled;
    o.bufferSize = bufferSize;
    o.flushIntervalMillis = flushIntervalMillis;
    o.heartbeatIntervalMillis = heartbeatIntervalMillis;
    o.sdk = sdk;
    return o;
  }

  /** A copy with this service name (1-128 chars). */
  public BacktrackOptions service(String service) {
    BacktrackOptions o = copy();
    o.service = checkService(service);
    return o;
  }

  /** A copy with this collector ingest URL. */
  public BacktrackOptions endpoint(String endpoint) {
    BacktrackOptions o = copy();
    o.endpoint = checkEndpoint(Objects.requireNonNull(endpoint, "endpoint"));
    return o;
  }

  /** A copy with this bearer token (null or blank for none). */
  public BacktrackOptions token(String token) {
    BacktrackOptions o = copy();
    o.token = token == null || token.isBlank() ? null : token.trim();
    return o;
  }

  /** A copy that is switched on or off; off means nothing is recorded or sent. */
  public BacktrackOptions enabled(boolean enabled) {
    BacktrackOptions o = copy();
    o.enabled = enabled;
    return o;
  }

  /** A copy buffering at most this many events (at least 1). */
  public BacktrackOptions bufferSize(int events) {
    if (events < 1) {
      throw new IllegalArgumentException("bufferSize must be at least 1: " + events);
    }
    BacktrackOptions o = copy();
    o.bufferSize = events;
    return o;
  }

  /** A copy flushing every this many milliseconds (at least 1). */
  public BacktrackOptions flushIntervalMillis(long millis) {
    if (millis < 1) {
      throw new IllegalArgumentException("flushIntervalMillis must be at least 1: " + millis);
    }
    BacktrackOptions o = copy();
    o.flushIntervalMillis = millis;
    return o;
  }

  /** A copy sending a heartbeat every this many milliseconds (at least 1). */
  public BacktrackOptions heartbeatIntervalMillis(long millis) {
    if (millis < 1) {
      throw new IllegalArgumentException("heartbeatIntervalMillis must be at least 1: " + millis);
    }
    BacktrackOptions o = copy();
    o.heartbeatIntervalMillis = millis;
    return o;
  }

  /** A copy naming the integration in batches, e.g. {@code backtrack-servlet/0.1.0}. */
  public BacktrackOptions sdk(String sdkNameAndVersion) {
    BacktrackOptions o = copy();
    o.sdk = Objects.requireNonNull(sdkNameAndVersion, "sdk");
    return o;
  }

  public String service() {
    return service;
  }

  public String endpoint() {
    return endpoint;
  }

  /** The bearer token, or null. */
  public String token() {
    return token;
  }

  public boolean enabled() {
    return enabled;
  }

  /** Events buffered at most. */
  public int bufferSize() {
    return bufferSize;
  }

  /** Milliseconds between flushes. */
  public long flushIntervalMillis() {
    return flushIntervalMillis;
  }

  /** Milliseconds between heartbeats. */
  public long heartbeatIntervalMillis() {
    return heartbeatIntervalMillis;
  }

  public String sdk() {
    return sdk;
  }

  @Override
  public String toString() {
    return "BacktrackOptions{service=" + service + ", endpoint=" + endpoint + ", token="
        + (token == null ? "none" : "***") + ", enabled=" + enabled + ", bufferSize="
        + bufferSize + ", flushIntervalMillis=" + flushIntervalMillis
        + ", heartbeatIntervalMillis=" + heartbeatIntervalMillis + "}";
  }
}
