package dev.backtrack.collector.http.api;

import dev.backtrack.collector.query.Window;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads and checks the common query parameters of docs/api.md into the parameter object of a
 * query. Empty values count as absent.
 */
final class ApiParams {
  static final int MAX_SERVICE = 128;
  static final int MAX_METHOD = 16;
  static final int MAX_ROUTE = 512;
  static final int MAX_PREFIX = 1024;
  static final int MAX_FINGERPRINT = 256;

  private ApiParams() {}

  /** {@code service} and {@code w}. */
  static JsonObject window(RoutingContext ctx) {
    JsonObject params = new JsonObject();
    String service = text(ctx, "service", MAX_SERVICE);
    if (service != null) {
      params.put("service", service);
    }
    String w = ctx.request().getParam("w");
    try {
      params.put("w", Window.parse(w).seconds());
    } catch (IllegalArgumentException e) {
      throw new BadParameterException("w", e.getMessage());
    }
    return params;
  }

  /** {@code service}, {@code w} and an optional route: {@code method} with {@code route}. */
  static JsonObject route(RoutingContext ctx) {
    JsonObject params = window(ctx);
    String method = text(ctx, "method", MAX_METHOD);
    String route = text(ctx, "route", MAX_ROUTE);
    if (method != null && !method.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
      throw new BadParameterException("method", "method must be upper-case letters A-Z");
    }
    if (method != null && route == null) {
      throw new BadParameterException("route", "route is required with method");
    }
    if (method != null) {
      params.put("method", method);
    }
    if (route != null) {
      params.put("route", route);
    }
    return params;
  }

  /** The checked value of {@code name}, or null when absent or empty. */
  static String text(RoutingContext ctx, String name, int maxLength) {
    return check(name, ctx.request().getParam(name), maxLength);
  }

  /** {@code value} checked for length and control characters; null when null or empty. */
  static String check(String where, String value, int maxLength) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() > maxLength) {
      throw new BadParameterException(where, where + " must be at most " + maxLength
          + " characters");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new BadParameterException(where, where + " must not contain control characters");
    }
    return value;
  }
}
