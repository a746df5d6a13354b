package dev.backtrack.scanner.vertx;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.backtrack.scanner.ast.JavaFile;
import dev.backtrack.scanner.source.Paths;
import dev.backtrack.scanner.source.RawRoute;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Vert.x Web routes: {@code router.get("/x")}, {@code router.route(HttpMethod.X, "/x")},
 * {@code router.route("/x").method(HttpMethod.X)}, {@code router.route().path("/x")}; sub
 * routers mounted with {@code router.route("/api/*").subRouter(sub)} or
 * {@code mountSubRouter("/api", sub)} are stitched under their prefix when the sub router is
 * built in the same file (a variable, a field or a method returning a {@code Router}).
 */
public final class VertxRoutes {
  static final String FRAMEWORK = "vertx";

  private static final Set<String> VERBS =
      Set.of("get", "post", "put", "delete", "patch", "head", "options", "trace", "connect");
  /** How deep sub routers may nest before a mount cycle is assumed. */
  private static final int MAX_MOUNT_DEPTH = 8;

  private VertxRoutes() {}

  private record Registration(String router, String method, String path, int line,
      String handler) {}

  private record Mount(String parent, String prefix, String child) {}

  /** Every route registered on a Vert.x {@code Router} in {@code file}, mounts applied. */
  public static List<RawRoute> find(JavaFile file) {
    List<Registration> registrations = new ArrayList<>();
    List<Mount> mounts = new ArrayList<>();
    // Every route hangs off a Router (a type, a factory call or a name saying so).
    if (!file.mentions("outer")) {
      return List.of();
    }
    for (MethodCallExpr call : file.unit().findAll(MethodCallExpr.class)) {
      Optional<Expression> scope = call.getScope();
      String called = call.getNameAsString();
      boolean interesting =
          VERBS.contains(called) || called.equals("route") || called.equals("mountSubRouter");
      if (!interesting || scope.isEmpty() || !RouterNames.isRouter(scope.get())) {
        continue;
      }
      Optional<String> router = RouterNames.key(scope.get());
      if (router.isEmpty()) {
        continue;
      }
      String name = call.getNameAsString();
      if (name.equals("mountSubRouter") && call.getArguments().size() == 2) {
        mount(file, router.get(), call.getArgument(0), call.getArgument(1), mounts);
      } else if (VERBS.contains(name) || name.equals("route")) {
        register(file, router.get(), call, registrations, mounts);
      }
    }
    return stitch(file, registrations, mounts);
  }

  private static void register(
      JavaFile file, String router, MethodCallExpr call, List<Registration> registrations,
      List<Mount> mounts) {
    RouteChain chain = new RouteChain(call);
    List<String> methods = new ArrayList<>();
    Optional<String> path = Optional.empty();
    List<Expression> args = call.getArguments();
    String name = call.getNameAsString();
    if (VERBS.contains(name)) {
      methods.add(name.toUpperCase(Locale.ROOT));
      path = args.size() == 1 ? file.constants().resolve(args.get(0)) : Optional.empty();
    } else if (args.size() == 2) {
      RouteChain.httpMethod(args.get(0)).ifPresent(methods::add);
      path = file.constants().resolve(args.get(1));
    } else if (args.size() == 1) {
      path = file.constants().resolve(args.get(0));
    } else if (args.isEmpty()) {
      path = chain.find("path").filter(p -> p.getArguments().size() == 1)
          .flatMap(p -> file.constants().resolve(p.getArgument(0)));
    }
    if (path.isEmpty()) {
      return; // a catch-all route().handler(...) is middleware, not an endpoint
    }
    Optional<MethodCallExpr> subRouter = chain.find("subRouter");
    if (subRouter.isPresent()) {
      if (subRouter.get().getArguments().size() == 1) {
        mountUnder(router, path.get(), subRouter.get().getArgument(0), mounts);
      }
      return;
    }
    if (methods.isEmpty()) {
      methods.addAll(chain.methods());
    }
    if (methods.isEmpty()) {
      methods.add("ANY");
    }
    int line = call.getName().getBegin().map(p -> p.line).orElse(0);
    String handler = chain.handler(call);
    for (String method : methods) {
      registrations.add(new Registration(router, method, path.get(), line, handler));
    }
  }

  private static void mount(
      JavaFile file, String parent, Expression prefix, Expression child, List<Mount> mounts) {
    file.constants().resolve(prefix).ifPresent(p -> mountUnder(parent, p, child, mounts));
  }

  private static void mountUnder(String parent, String prefix, Expression child,
      List<Mount> mounts) {
    String clean = prefix.endsWith("*") ? prefix.substring(0, prefix.length() - 1) : prefix;
    RouterNames.key(child).ifPresent(key -> mounts.add(new Mount(parent, clean, key)));
  }

  private static List<RawRoute> stitch(
      JavaFile file, List<Registration> registrations, List<Mount> mounts) {
    List<RawRoute> routes = new ArrayList<>();
    for (Registration registration : registrations) {
      for (String prefix : prefixes(registration.router(), mounts, new HashSet<>(), 0)) {
        routes.add(
            new RawRoute(
                registration.method(),
                Paths.join(prefix, registration.path()),
                file.relative(),
                registration.line(),
                registration.handler(),
                FRAMEWORK));
      }
    }
    return routes;
  }

  /** Every full prefix under which {@code router} is reachable; {@code ""} for a root. */
  private static List<String> prefixes(
      String router, List<Mount> mounts, Set<String> visiting, int depth) {
    List<String> prefixes = new ArrayList<>();
    if (depth > MAX_MOUNT_DEPTH || !visiting.add(router)) {
      return prefixes;
    }
    for (Mount mount : mounts) {
      if (mount.child().equals(router)) {
        for (String outer : prefixes(mount.parent(), mounts, visiting, depth + 1)) {
          prefixes.add(Paths.join(outer, mount.prefix()));
        }
      }
    }
    visiting.remove(router);
    if (prefixes.isEmpty()) {
      prefixes.add("");
    }
    return prefixes;
  }
}
