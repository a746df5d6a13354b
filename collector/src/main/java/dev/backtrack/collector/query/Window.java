package dev.backtrack.collector.query;

/**
 * A dashboard window: the last {@code seconds} seconds, shown as 60 points of {@code
 * stepSeconds} each.
 */
public record Window(int seconds, int stepSeconds) {
  /** The window used when a request names none: five minutes. */
  public static final Window DEFAULT = new Window(300, 5);

  /** The longest window; the in-memory rollups keep exactly this much. */
  public static final int MAX_SECONDS = 3600;

  /**
   * Parses {@code 60}, {@code 300}, {@code 900}, {@code 3600} or {@code 1m}, {@code 5m},
   * {@code 15m}, {@code 1h}; null or empty gives {@link #DEFAULT}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Window parse(String text) {
    if (text == null || text.isEmpty()) {
      return DEFAULT;
    }
    switch (text) {
      case "60":
      case "1m":
        return new Window(60, 1);
      case "300":
      case "5m":
        return DEFAULT;
      case "900":
      case "15m":
        return new Window(900, 15);
      case "3600":
      case "1h":
        return new Window(3600, 60);
      default:
        throw new IllegalArgumentException("w must be one of 60, 300, 900, 3600, 1m, 5m, 15m, 1h");
    }
  }
}
