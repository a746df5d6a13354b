package dev.backtrack.scanner.source;

/** Joins route fragments the way frameworks concatenate class and method paths. */
public final class Paths {
  private Paths() {}

  /**
   * Joins {@code prefix} and {@code path} with a single {@code /} between them; either may be
   * empty. Canonicalization happens later, this only avoids gluing two words together.
   */
  public static String join(String prefix, String path) {
    if (prefix == null || prefix.isEmpty()) {
      return path == null ? "" : path;
    }
    if (path == null || path.isEmpty()) {
      return prefix;
    }
    boolean prefixSlash = prefix.endsWith("/");
    boolean pathSlash = path.startsWith("/");
    if (prefixSlash && pathSlash) {
      return prefix + path.substring(1);
    }
    if (prefixSlash || pathSlash) {
      return prefix + path;
    }
    return prefix + "/" + path;
  }
}
