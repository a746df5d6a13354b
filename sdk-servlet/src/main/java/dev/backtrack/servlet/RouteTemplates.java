package dev.backtrack.servlet;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Brings framework route patterns into the protocol's canonical form: {@code {id}} parameters,
 * {@code {*}} wildcards, leading slash, no trailing slash.
 *
 * <ul>
 *   <li>Spring / JAX-RS regex parameters: {@code {id:\d+}}, {@code {id: \d+}} → {@code {id}};</li>
 *   <li>Spring capture-the-rest: {@code {*path}} → {@code {path}};</li>
 *   <li>{@code *} and {@code **} → {@code {*}} (also inside a segment: {@code *.txt} →
 *       {@code {*}.txt}).</li>
 * </ul>
 */
public final class RouteTemplates {
  /** The route of requests that matched nothing, so random paths cannot grow the table. */
  public static final String UNMATCHED = "<unmatched>";

  /** Patterns seen are few; results are cached up to this many. */
  private static final int CACHE_LIMIT = 4096;
  private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

  private RouteTemplates() {}

  /** The canonical form of {@code pattern}; {@code /} for null or empty. */
  public static String canonical(String pattern) {
    if (pattern == null || pattern.isEmpty()) {
      return "/";
    }
    String cached = CACHE.get(pattern);
    if (cached != null) {
      return cached;
    }
    String result = convert(pattern);
    if (CACHE.size() < CACHE_LIMIT) {
      CACHE.put(pattern, result);
    }
    return result;
  }

  private static String convert(String pattern) {
    StringBuilder out = new StringBuilder(pattern.length() + 8);
    out.append('/');
    int n = pattern.length();
    for (int i = 0; i < n; i++) {
      char c = pattern.charAt(i);
      if (c == '/') {
        if (out.charAt(out.length() - 1) != '/') {
          out.append('/');
        }
      } else if (c == '{') {
        i = parameter(pattern, i, out);
      } else if (c == '*') {
        while (i + 1 < n && pattern.charAt(i + 1) == '*') {
          i++;
        }
        out.append("{*}");
      } else {
        out.append(c);
      }
    }
    if (out.length() > 1 && out.charAt(out.length() - 1) == '/') {
      out.setLength(out.length() - 1);
    }
    return out.toString();
  }

  /** Copies {@code {name...}} as {@code {name}}; returns the index of the closing brace. */
  private static int parameter(String p, int open, StringBuilder out) {
    int depth = 0;
    int nameEnd = -1;
    int i = open;
    for (; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          break;
        }
      } else if (c == ':' && depth == 1 && nameEnd < 0) {
        nameEnd = i;
      }
    }
    int close = Math.min(i, p.length());
    String name = p.substring(open + 1, nameEnd >= 0 ? nameEnd : close).trim();
    if (name.startsWith("*")) {
      name = name.substring(1).trim();
    }
    out.append('{').append(name.isEmpty() ? "*" : name).append('}');
    return close;
  }

  /** Whether a canonical route is nothing but a wildcard (a catch-all handler). */
  static boolean isCatchAll(String route) {
    return route.equals("/{*}");
  }
}
