package dev.backtrack.scanner;

/**
 * One route the source code defines.
 *
 * @param method upper-case HTTP method, or {@code ANY} when the route accepts every method
 * @param route the route template in canonical form ({@code /users/{id}})
 * @param file path of the defining file relative to the scanned root, with {@code /} separators
 * @param line 1-based line of the definition
 * @param handler {@code com.example.UserController#get} or a Python function name
 * @param framework which picker found it: {@code spring}, {@code jaxrs}, {@code micronaut},
 *     {@code vertx}, {@code servlet}, {@code fastapi}, {@code django}
 */
public record Endpoint(
    String method, String route, String file, int line, String handler, String framework) {}
