package dev.backtrack.scanner.python;

import dev.backtrack.scanner.python.PyNode.Call;
import dev.backtrack.scanner.python.PyNode.Name;
import dev.backtrack.scanner.python.PyNode.Seq;
import dev.backtrack.scanner.python.PyToken.Kind;
import dev.backtrack.scanner.source.Paths;
import dev.backtrack.scanner.source.RawRoute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * FastAPI routes: {@code @app.get("/x")}-style decorators and {@code api_route(methods=[...])}
 * on {@code FastAPI()} apps and {@code APIRouter(prefix=...)} routers, with
 * {@code include_router(router, prefix=...)} followed across modules through imports.
 */
final class FastApiRoutes {
  private static final Set<String> VERBS =
      Set.of("get", "post", "put", "delete", "patch", "head", "options", "trace");
  private static final int MAX_INCLUDE_DEPTH = 8;

  /** A router: the module that creates it and the variable holding it. */
  private record RouterId(String module, String variable) {}

  private record Decorated(RouterId router, String method, String path, String file, int line,
      String handler) {}

  private record Include(RouterId parent, RouterId child, String prefix) {}

  private final PyModules modules;
  private final Map<RouterId, String> ownPrefixes = new HashMap<>();
  private final List<Decorated> decorated = new ArrayList<>();
  private final List<Include> includes = new ArrayList<>();

  private FastApiRoutes(PyModules modules) {
    this.modules = modules;
  }

  static List<RawRoute> find(PyModules modules) {
    FastApiRoutes finder = new FastApiRoutes(modules);
    for (PyModule module : modules.all) {
      finder.readRouters(module);
    }
    for (PyModule module : modules.all) {
      finder.readUses(module);
    }
    return finder.stitch();
  }

  /** {@code name = FastAPI(...)} and {@code name = APIRouter(prefix=...)}. */
  private void readRouters(PyModule module) {
    for (int start : module.statementStarts()) {
      List<PyToken> t = module.tokens;
      if (t.get(start).kind() != Kind.NAME || !t.get(start + 1).isOp("=")) {
        continue;
      }
      PyNode value = new PyParser(t, start + 2).expression();
      if (value instanceof Call call
          && (call.callee().endsWith("FastAPI") || call.callee().endsWith("APIRouter"))) {
        String prefix = Optional.ofNullable(PyNode.string(call.keywords().get("prefix")))
            .orElse("");
        ownPrefixes.put(new RouterId(module.name, t.get(start).text()), prefix);
      }
    }
  }

  /** Route decorators and {@code include_router} calls. */
  private void readUses(PyModule module) {
    List<PyToken> t = module.tokens;
    for (int start : module.statementStarts()) {
      if (t.get(start).isOp("@")) {
        PyNode decorator = new PyParser(t, start + 1).expression();
        if (decorator instanceof Call call) {
          readDecorator(module, call, start);
        }
      } else if (t.get(start).kind() == Kind.NAME) {
        PyNode statement = new PyParser(t, start).expression();
        if (statement instanceof Call call && call.callee().endsWith(".include_router")) {
          readInclude(module, call);
        } else if (statement instanceof Call call && call.callee().endsWith(".add_api_route")) {
          readAddApiRoute(module, call);
        }
      }
    }
  }

  private void readDecorator(PyModule module, Call call, int start) {
    int dot = call.callee().lastIndexOf('.');
    if (dot < 0 || call.args().isEmpty()) {
      return;
    }
    String target = call.callee().substring(0, dot);
    String verb = call.callee().substring(dot + 1);
    String path = PyNode.string(call.args().get(0));
    if (path == null) {
      path = PyNode.string(call.keywords().get("path"));
    }
    List<String> methods = new ArrayList<>();
    if (VERBS.contains(verb)) {
      methods.add(verb.toUpperCase(Locale.ROOT));
    } else if (verb.equals("api_route")) {
      methods.addAll(methods(call, "GET")); // GET is api_route's default
    }
    Optional<RouterId> router = routerOf(module, target);
    if (path == null || methods.isEmpty() || router.isEmpty()) {
      return;
    }
    String handler = functionAfter(module.tokens, start);
    for (String method : methods) {
      decorated.add(
          new Decorated(router.get(), method, path, module.file, call.line(), handler));
    }
  }

  /** {@code app.add_api_route("/x", endpoint, methods=[...])}: a route without a decorator. */
  private void readAddApiRoute(PyModule module, Call call) {
    String target = call.callee().substring(0, call.callee().length() - ".add_api_route".length());
    String path = call.args().isEmpty() ? null : PyNode.string(call.args().get(0));
    PyNode endpoint = call.args().size() > 1 ? call.args().get(1) : call.keywords().get("endpoint");
    Optional<RouterId> router = routerOf(module, target);
    if (path == null || router.isEmpty()) {
      return;
    }
    String handler = endpoint instanceof Name name
        ? name.dotted().substring(name.dotted().lastIndexOf('.') + 1) : "?";
    for (String method : methods(call, "GET")) {
      decorated.add(new Decorated(router.get(), method, path, module.file, call.line(), handler));
    }
  }

  /** Upper-cased {@code methods=[...]} of a call, or {@code fallback} when absent. */
  private static List<String> methods(Call call, String fallback) {
    List<String> methods = new ArrayList<>();
    if (call.keywords().get("methods") instanceof Seq seq) {
      for (PyNode item : seq.items()) {
        Optional.ofNullable(PyNode.string(item))
            .ifPresent(m -> methods.add(m.toUpperCase(Locale.ROOT)));
      }
    }
    if (methods.isEmpty()) {
      methods.add(fallback);
    }
    return methods;
  }

  private void readInclude(PyModule module, Call call) {
    String parent = call.callee().substring(0, call.callee().length() - ".include_router".length());
    if (call.args().isEmpty() || !(call.args().get(0) instanceof Name child)) {
      return;
    }
    String prefix = Optional.ofNullable(PyNode.string(call.keywords().get("prefix"))).orElse("");
    Optional<RouterId> parentId = routerOf(module, parent);
    Optional<RouterId> childId = routerOf(module, child.dotted());
    if (parentId.isPresent() && childId.isPresent()) {
      includes.add(new Include(parentId.get(), childId.get(), prefix));
    }
  }

  /**
   * The router an expression in {@code module} denotes: a router of the module, an imported
   * router ({@code from .users import router}), or an attribute of an imported module
   * ({@code users.router}). Only routers some module creates count.
   */
  private Optional<RouterId> routerOf(PyModule module, String dotted) {
    RouterId local = new RouterId(module.name, dotted);
    if (ownPrefixes.containsKey(local)) {
      return Optional.of(local);
    }
    int dot = dotted.lastIndexOf('.');
    if (dot < 0) {
      PyModule.Import imported = module.imports.get(dotted);
      if (imported == null || imported.name() == null) {
        return Optional.empty();
      }
      return modules.resolve(imported.from(), imported.level(), module)
          .map(m -> new RouterId(m.name, imported.name()))
          .filter(ownPrefixes::containsKey);
    }
    PyModule.Import imported = module.imports.get(dotted.substring(0, dot));
    if (imported == null) {
      return Optional.empty();
    }
    String variable = dotted.substring(dot + 1);
    return modules.importedModule(imported, module)
        .map(m -> new RouterId(m.name, variable))
        .filter(ownPrefixes::containsKey);
  }

  /** The name of the function a decorator at {@code start} decorates. */
  private static String functionAfter(List<PyToken> t, int start) {
    for (int i = start; i < t.size() - 1; i++) {
      if (t.get(i).isName("def") && t.get(i + 1).kind() == Kind.NAME) {
        return t.get(i + 1).text();
      }
      if (t.get(i).isName("class")) {
        break;
      }
    }
    return "?";
  }

  private List<RawRoute> stitch() {
    List<RawRoute> routes = new ArrayList<>();
    for (Decorated d : decorated) {
      String own = ownPrefixes.getOrDefault(d.router(), "");
      for (String outer : prefixes(d.router(), new HashSet<>(), 0)) {
        String path = Paths.join(Paths.join(outer, own), d.path());
        routes.add(new RawRoute(d.method(), path, d.file(), d.line(), d.handler(), "fastapi"));
      }
    }
    return routes;
  }

  private List<String> prefixes(RouterId router, Set<RouterId> visiting, int depth) {
    List<String> prefixes = new ArrayList<>();
    if (depth > MAX_INCLUDE_DEPTH || !visiting.add(router)) {
      return prefixes;
    }
    for (Include include : includes) {
      if (include.child().equals(router)) {
        String parentOwn = ownPrefixes.getOrDefault(include.parent(), "");
        for (String outer : prefixes(include.parent(), visiting, depth + 1)) {
          prefixes.add(Paths.join(Paths.join(outer, parentOwn), include.prefix()));
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
