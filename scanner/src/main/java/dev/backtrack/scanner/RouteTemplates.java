package dev.backtrack.scanner;

/**
 * The one canonical form of a route template, shared by the scanner, the SDKs and the
 * collector so that a discovered route and a served one compare equal character for character.
 *
 * <ul>
 *   <li>starts with {@code /}; no trailing {@code /} unless the route is {@code /} itself;
 *       runs of {@code /} collapse to one;
 *   <li>path parameters become {@code {name}}: Vert.x {@code :id}, JAX-RS {@code {id: \d+}},
 *       Spring {@code {id:[0-9]+}} and {@code {*path}}, Django {@code <int:id>} and regex groups
 *       {@code (?P<id>\d+)};
 *   <li>wildcards ({@code *}, {@code **}, regex {@code .*}, unnamed regex groups) become
 *       {@code {*}};
 *   <li>regex anchors ({@code ^}, {@code $}), escapes ({@code \.}) and optional marks
 *       ({@code ?}) are dropped.
 * </ul>
 */
public final class RouteTemplates {
  private RouteTemplates() {}

  /** Returns {@code route} in canonical form; {@code null} or blank yields {@code /}. */
  public static String canonical(String route) {
    if (route == null) {
      return "/";
    }
    String s = stripAnchors(route.trim());
    StringBuilder out = new StringBuilder(s.length() + 8);
    int i = 0;
    while (i < s.length()) {
      i = appendNext(s, i, out);
    }
    return normalizeSlashes(out);
  }

  private static String stripAnchors(String s) {
    if (s.startsWith("^")) {
      s = s.substring(1);
    }
    if (s.endsWith("\\Z")) {
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("$") && !s.endsWith("\\$")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** Appends the canonical form of the token starting at {@code i}; returns the next index. */
  private static int appendNext(String s, int i, StringBuilder out) {
    char c = s.charAt(i);
    switch (c) {
      case '{':
        return appendBraced(s, i, out);
      case '<':
        return appendAngled(s, i, out);
      case '(':
        return appendGroup(s, i, out);
      case ':':
        return appendColonParam(s, i, out);
      case '*':
        out.append("{*}");
        return skipWhile(s, i, '*');
      case '.':
        if (i + 1 < s.length() && (s.charAt(i + 1) == '*' || s.charAt(i + 1) == '+')) {
          out.append("{*}");
          return i + 2;
        }
        out.append(c);
        return i + 1;
      case '\\':
        if (i + 1 < s.length()) {
          out.append(s.charAt(i + 1));
        }
        return i + 2;
      case '?':
        return i + 1;
      default:
        out.append(c);
        return i + 1;
    }
  }

  /** {@code {id}}, {@code {id:[0-9]+}}, {@code {id: \d+}}, {@code {*path}}, {@code {*}}. */
  private static int appendBraced(String s, int i, StringBuilder out) {
    int close = matching(s, i, '{', '}');
    if (close < 0) {
      out.append('{');
      return i + 1;
    }
    String content = s.substring(i + 1, close).trim();
    if (content.startsWith("*")) {
      content = content.substring(1);
    }
    int colon = content.indexOf(':');
    String name = (colon < 0 ? content : content.substring(0, colon)).trim();
    appendParam(name, out);
    return close + 1;
  }

  /** Django converters: {@code <id>}, {@code <int:id>}, {@code <path:rest>}. */
  private static int appendAngled(String s, int i, StringBuilder out) {
    int close = s.indexOf('>', i);
    if (close < 0) {
      out.append('<');
      return i + 1;
    }
    String content = s.substring(i + 1, close);
    String name = content.substring(content.lastIndexOf(':') + 1).trim();
    if (!isIdentifier(name)) {
      out.append('<');
      return i + 1;
    }
    appendParam(name, out);
    return close + 1;
  }

  /** Regex groups: {@code (?P<id>\d+)} names a parameter, any other group is a wildcard. */
  private static int appendGroup(String s, int i, StringBuilder out) {
    int close = matching(s, i, '(', ')');
    if (close < 0) {
      out.append('(');
      return i + 1;
    }
    String name = "";
    if (s.startsWith("(?P<", i) || s.startsWith("(?<", i)) {
      int nameStart = s.indexOf('<', i) + 1;
      int nameEnd = s.indexOf('>', nameStart);
      if (nameEnd > 0 && nameEnd < close) {
        name = s.substring(nameStart, nameEnd).trim();
      }
    }
    appendParam(name, out);
    int next = close + 1;
    // A quantifier on the group ("(...)?", "(...)+") belongs to the regex, not the path.
    if (next < s.length() && "?*+".indexOf(s.charAt(next)) >= 0) {
      next++;
    }
    return next;
  }

  /** Vert.x {@code :id}, only at the start of a segment so {@code a:b} stays literal. */
  private static int appendColonParam(String s, int i, StringBuilder out) {
    boolean segmentStart = out.length() == 0 || out.charAt(out.length() - 1) == '/';
    int end = i + 1;
    while (end < s.length() && isIdentifierPart(s.charAt(end))) {
      end++;
    }
    if (!segmentStart || end == i + 1) {
      out.append(':');
      return i + 1;
    }
    appendParam(s.substring(i + 1, end), out);
    return end;
  }

  private static void appendParam(String name, StringBuilder out) {
    out.append('{').append(name.isEmpty() ? "*" : name).append('}');
  }

  private static int matching(String s, int open, char openChar, char closeChar) {
    int depth = 0;
    for (int j = open; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == openChar) {
        depth++;
      } else if (c == closeChar && --depth == 0) {
        return j;
      }
    }
    return -1;
  }

  private static int skipWhile(String s, int i, char c) {
    while (i < s.length() && s.charAt(i) == c) {
      i++;
    }
    return i;
  }

  private static boolean isIdentifier(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (!isIdentifierPart(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static String normalizeSlashes(CharSequence route) {
    StringBuilder out = new StringBuilder(route.length() + 1).append('/');
    for (int i = 0; i < route.length(); i++) {
      char c = route.charAt(i);
      if (c != '/' || out.charAt(out.length() - 1) != '/') {
        out.append(c);
      }
    }
    if (out.length() > 1 && out.charAt(out.length() - 1) == '/') {
      out.setLength(out.length() - 1);
    }
    return out.toString();
  }
}
