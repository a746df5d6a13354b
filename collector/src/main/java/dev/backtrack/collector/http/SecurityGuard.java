package dev.backtrack.collector.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The first handler of every request: the DNS-rebinding guard on {@code Host}, the
 * {@code Origin} check on state-changing {@code /api/*} calls, and the bearer token when one
 * is configured (for the API, ingest and health; the dashboard's static files carry no data). Answers 403 / 401 with a JSON body; otherwise passes the request on.
 */
final class SecurityGuard implements Handler<RoutingContext> {
  private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

  private final String configuredHost;
  private final IntSupplier port;
  private final byte[] token;
  private final boolean anyHost;

  /**
   * @param configuredHost the address the server binds
   * @param port the port actually bound (known only once listening)
   * @param token the bearer token, or null when none is required
   */
  SecurityGuard(String configuredHost, IntSupplier port, String token) {
    this.configuredHost = hostForHeader(configuredHost);
    this.port = port;
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    // Bound to every interface, clients name the machine however they reach it; the token
    // (required for such a bind) is then what keeps foreign pages out.
    this.anyHost = token != null && isWildcard(configuredHost);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    // authority() is the Host header on HTTP/1.1 and :authority on HTTP/2.
    if (!anyHost && !authorityAllowed(request.authority())) {
      deny(ctx, 403, "the Host header does not name this collector");
      return;
    }
    if (isStateChanging(request.method()) && request.path().startsWith("/api/")) {
      String origin = request.getHeader(HttpHeaders.ORIGIN);
      if (origin != null && !originAllowed(origin)) {
        deny(ctx, 403, "cross-origin calls that change state are refused");
        return;
      }
    }
    if (token != null && carriesData(request) && !tokenPresented(request)) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      deny(ctx, 401, "missing or wrong bearer token");
      return;
    }
    ctx.next();
  }

  private boolean authorityAllowed(HostAndPort authority) {
    if (authority == null) {
      return false;
    }
    String name = hostForHeader(authority.host());
    int hostPort = authority.port() < 0 ? 80 : authority.port();
    return hostPort == port.getAsInt()
        && (LOOPBACK_NAMES.contains(name) || name.equals(configuredHost));
  }

  boolean hostAllowed(String host) {
    if (host == null) {
      return false;
    }
    String lower = host.toLowerCase(Locale.ROOT);
    int colon = lower.lastIndexOf(':');
    String name = lower;
    int hostPort = 80;
    if (colon > 0 && lower.indexOf(']') < colon) {
      name = lower.substring(0, colon);
      try {
        hostPort = Integer.parseInt(lower.substring(colon + 1));
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return hostPort == port.getAsInt()
        && (LOOPBACK_NAMES.contains(name) || name.equals(configuredHost));
  }

  private boolean originAllowed(String origin) {
    String lower = origin.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") && hostAllowed(lower.substring("http://".length()));
  }

  private boolean tokenPresented(HttpServerRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return matches(authorization.substring(7).trim());
    }
    // EventSource and a page opened from a link cannot send headers: GETs may carry ?token=.
    if (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) {
      String query = request.getParam("token");
      return query != null && matches(query);
    }
    return false;
  }

  /**
   * Everything but the dashboard's own files: those hold no data, and a browser fetches the
   * page's scripts, styles and libraries without the token the page keeps for its API calls.
   */
  private static boolean carriesData(HttpServerRequest request) {
    String path = request.path();
    return !(request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD)
        || path.startsWith("/api/") || path.equals("/api") || path.startsWith("/ingest")
        || path.startsWith("/health");
  }

  private boolean matches(String presented) {
    return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isStateChanging(HttpMethod method) {
    return method != HttpMethod.GET && method != HttpMethod.HEAD
        && method != HttpMethod.OPTIONS;
  }

  private static void deny(RoutingContext ctx, int status, String error) {
    ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(new JsonObject().put("error", error).encode());
  }

  /** How a host appears in a {@code Host} header: IPv6 literals in brackets. */
  static String hostForHeader(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.contains(":") && !lower.startsWith("[") ? "[" + lower + "]" : lower;
  }

  static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
  }

  /** True when the address resolves to a loopback interface only. */
  static boolean isLoopback(String host) {
    try {
      String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
