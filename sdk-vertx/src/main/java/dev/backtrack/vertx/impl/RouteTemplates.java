package dev.backtrack.vertx.impl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns Vert.x Web route paths into the canonical templates of the wire protocol: {@code :id}
 * becomes {@code {id}}, a prefix route ({@code /files/*}) ends in {@code {*}}.
 */
final class RouteTemplates {
  /** The route of requests that no route matched. */
  static final String UNMATCHED = "<unmatched>";

  /** Distinct paths remembered: an application has a few dozen routes, not thousands. */
  private static final int CACHE_LIMIT = 1024;
  private static final Map<String, String> EXACT = new ConcurrentHashMap<>();
  private static final Map<String, String> PREFIX = new ConcurrentHashMap<>();

  private RouteTemplates() {}

  /** {@link #canonical}, remembered: the same few paths come back with every request. */
  static String cached(String path, boolean prefix) {
    Map<String, String> cache = prefix ? PREFIX : EXACT;
    String template = cache.get(path);
    if (template == null) {
      template = canonical(path, prefix);
      if (cache.size() < CACHE_LIMIT) {
        cache.put(path, template);
      }
    }
    return template;
  }

  /**
   * The canonical template of a Vert.x path.
   *
   * @param path a route path as Vert.x keeps it ({@code /users/:id}, {@code /files/} for
   *     {@code /files/*}); may be a concatenation of a mount point and a sub-router path
   * @param prefix whether the route matches everything below {@code path}
   */
  static String canonical(String path, boolean prefix) {
    if (path == null || path.isEmpty()) {
      return UNMATCHED;
    }
    StringBuilder out = new StringBuilder(path.length() + 8);
    if (path.charAt(0) != '/') {
      out.append('/');
    }
    int i = 0;
    int n = path.length();
    while (i < n) {
      char c = path.charAt(i);
      if (c == ':' && i + 1 < n && isNameChar(path.charAt(i + 1))
          && (i == 0 || path.charAt(i - 1) == '/' || path.charAt(i - 1) == '.'
              || path.charAt(i - 1) == '-')) {
        int end = i + 1;
        while (end < n && isNameChar(path.charAt(end))) {
          end++;
        }
        out.append('{').append(path, i + 1, end).append('}');
        i = end;
      } else if (c == '*') {
        out.append("{*}");
        i++;
      } else if (c == '/' && out.length() > 0 && out.charAt(out.length() - 1) == '/') {
        i++; // a mount point ending in '/' joined to a sub-route starting with '/'
      } else {
        out.append(c);
        i++;
      }
    }
    if (prefix && !endsWith(out, "{*}")) {
      if (out.charAt(out.length() - 1) != '/') {
        out.append('/');
      }
      out.append("{*}");
    }
    if (out.length() > 1 && out.charAt(out.length() - 1) == '/') {
      out.setLength(out.length() - 1);
    }
    return out.toString();
  }

  /** Whether a Vert.x route name stands for a prefix route (Vert.x drops the {@code *}). */
  static boolean isPrefixPath(String path) {
    return path.length() > 1 && path.charAt(path.length() - 1) == '/';
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '_' || c == '$';
  }

  private static boolean endsWith(StringBuilder sb, String suffix) {
    int from = sb.length() - suffix.length();
    return from >= 0 && sb.indexOf(suffix, from) == from;
  }
}
