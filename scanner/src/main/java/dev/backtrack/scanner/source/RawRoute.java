package dev.backtrack.scanner.source;

/**
 * A route as a framework picker found it, before canonicalization.
 *
 * @param method upper-case HTTP method or {@code ANY}
 * @param path the route as written in source, prefixes already joined, not yet canonical
 * @param file path of the defining file relative to the scanned root, {@code /} separators
 * @param line 1-based line of the definition
 * @param handler {@code com.example.UserController#get} or a Python function name
 * @param framework the picker that found it ({@code spring}, {@code vertx} ...)
 */
public record RawRoute(
    String method, String path, String file, int line, String handler, String framework) {

  /** The same route under {@code prefix}, joined with exactly one {@code /}. */
  public RawRoute withPrefix(String prefix) {
    return new RawRoute(method, Paths.join(prefix, path), file, line, handler, framework);
  }
}
