package dev.backtrack.vertx.impl;

/** Small, allocation-light helpers for the {@code url.full} tag of HTTP client spans. */
final class Urls {
  private Urls() {}

  /**
   * The {@code host} or {@code host:port} of an absolute URL, without user info; null when
   * {@code url} has no authority.
   */
  static String hostOf(String url) {
    if (url == null) {
      return null;
    }
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return null;
    }
    int start = scheme + 3;
    int end = start;
    while (end < url.length()) {
      char c = url.charAt(end);
      if (c == '/' || c == '?' || c == '#') {
        break;
      }
      end++;
    }
    int at = url.lastIndexOf('@', end - 1);
    if (at >= start) {
      start = at + 1;
    }
    return end > start ? url.substring(start, end) : null;
  }
}
