package dev.backtrack.sdk.event;

/**
 * Keeps values inside what the wire protocol allows; public for the reporter's buffer, which
 * takes plain requests without their event objects.
 */
public final class Text {
  private Text() {}

  /** {@code s} cut to at most {@code max} chars, never splitting a surrogate pair; null stays. */
  public static String cut(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = max;
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /** An HTTP method as the protocol wants it: 1-16 chars A-Z, upper-cased; else {@code OTHER}. */
  public static String method(String method) {
    if (method == null || method.isEmpty() || method.length() > 16) {
      return "OTHER";
    }
    for (int i = 0; i < method.length(); i++) {
      char c = method.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        continue;
      }
      if (c >= 'a' && c <= 'z') {
        return method(method.toUpperCase(java.util.Locale.ROOT));
      }
      return "OTHER";
    }
    return method;
  }

  /** A route template as the protocol wants it: at most 512 chars, never empty. */
  public static String route(String route) {
    String r = cut(route == null ? "<unmatched>" : route, 512);
    return r.isEmpty() ? "/" : r;
  }

  public static long clamp(long v, long min, long max) {
    return v < min ? min : Math.min(v, max);
  }
}
