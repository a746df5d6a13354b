package dev.backtrack.scanner.python;

import dev.backtrack.scanner.python.PyNode.Call;
import dev.backtrack.scanner.python.PyNode.Name;
import dev.backtrack.scanner.python.PyNode.Seq;
import dev.backtrack.scanner.python.PyToken.Kind;
import dev.backtrack.scanner.source.RawRoute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Django URLconfs: {@code urlpatterns} lists of {@code path()}, {@code re_path()} and
 * {@code url()} entries, with {@code include()} of other URLconf modules, of a pattern list
 * variable, or of an inline list followed recursively and their prefixes joined. A URLconf no
 * other one includes is a root. Django views answer every method, so routes are {@code ANY}.
 */
final class DjangoUrls {
  private static final Set<String> ENTRY_FUNCTIONS = Set.of("path", "re_path", "url");
  private static final int MAX_INCLUDE_DEPTH = 8;

  private final PyModules modules;
  /** Top-level list assignments per module ({@code urlpatterns}, {@code api_patterns} ...). */
  private final Map<PyModule, Map<String, List<PyNode>>> lists = new HashMap<>();
  private final List<RawRoute> routes = new ArrayList<>();

  private DjangoUrls(PyModules modules) {
    this.modules = modules;
  }

  static List<RawRoute> find(PyModules modules) {
    DjangoUrls finder = new DjangoUrls(modules);
    for (PyModule module : modules.all) {
      finder.readLists(module);
    }
    Set<PyModule> included = finder.includedModules();
    for (PyModule module : modules.all) {
      List<PyNode> patterns = finder.patterns(module, "urlpatterns");
      if (!patterns.isEmpty() && !included.contains(module)) {
        finder.expand(module, patterns, "", new HashSet<>(), 0);
      }
    }
    return finder.routes;
  }

  private void readLists(PyModule module) {
    List<PyToken> t = module.tokens;
    for (int start : module.statementStarts()) {
      if (t.get(start).kind() != Kind.NAME) {
        continue;
      }
      int valueAt;
      if (t.get(start + 1).isOp("=")) {
        valueAt = start + 2;
      } else if (t.get(start + 1).isOp("+") && t.get(start + 2).isOp("=")) {
        valueAt = start + 3;
      } else {
        continue;
      }
      PyNode value = new PyParser(t, valueAt).expression();
      if (value instanceof Seq seq) {
        lists.computeIfAbsent(module, m -> new HashMap<>())
            .computeIfAbsent(t.get(start).text(), n -> new ArrayList<>())
            .addAll(seq.items());
      }
    }
  }

  private List<PyNode> patterns(PyModule module, String variable) {
    return lists.getOrDefault(module, Map.of()).getOrDefault(variable, List.of());
  }

  private Set<PyModule> includedModules() {
    Set<PyModule> included = new HashSet<>();
    for (Map.Entry<PyModule, Map<String, List<PyNode>>> entry : lists.entrySet()) {
      for (List<PyNode> items : entry.getValue().values()) {
        for (PyNode item : items) {
          includeTarget(item).flatMap(t -> moduleOf(entry.getKey(), t)).ifPresent(included::add);
        }
      }
    }
    return included;
  }

  private void expand(
      PyModule module, List<PyNode> entries, String prefix, Set<String> visiting, int depth) {
    if (depth > MAX_INCLUDE_DEPTH) {
      return;
    }
    for (PyNode entry : entries) {
      if (!(entry instanceof Call call) || !ENTRY_FUNCTIONS.contains(lastPart(call.callee()))
          || call.args().size() < 2) {
        continue;
      }
      String route = PyNode.string(call.args().get(0));
      if (route == null) {
        continue;
      }
      String full = join(prefix, route);
      PyNode view = call.args().get(1);
      Optional<PyNode> target = includeTarget(entry);
      if (target.isPresent()) {
        expandInclude(module, target.get(), full, visiting, depth);
      } else {
        routes.add(new RawRoute("ANY", full, module.file, call.line(), handler(view), "django"));
      }
    }
  }

  private void expandInclude(
      PyModule module, PyNode target, String prefix, Set<String> visiting, int depth) {
    if (target instanceof Seq inline) {
      expand(module, inline.items(), prefix, visiting, depth + 1);
      return;
    }
    if (target instanceof Name variable && !patterns(module, variable.dotted()).isEmpty()) {
      expand(module, patterns(module, variable.dotted()), prefix, visiting, depth + 1);
      return;
    }
    Optional<PyModule> included = moduleOf(module, target);
    if (included.isPresent() && visiting.add(included.get().file)) {
      expand(included.get(), patterns(included.get(), "urlpatterns"), prefix, visiting,
          depth + 1);
      visiting.remove(included.get().file);
    }
  }

  /** What {@code path("x/", include(TARGET))} includes: a string, a name or a list. */
  private static Optional<PyNode> includeTarget(PyNode entry) {
    if (entry instanceof Call call && call.args().size() >= 2
        && call.args().get(1) instanceof Call include
        && lastPart(include.callee()).equals("include") && !include.args().isEmpty()) {
      PyNode target = include.args().get(0);
      // include(("app.urls", "app_name")) names the URLconf first.
      if (target instanceof Seq tuple && !tuple.items().isEmpty()
          && PyNode.string(tuple.items().get(0)) != null) {
        return Optional.of(tuple.items().get(0));
      }
      return Optional.of(target);
    }
    return Optional.empty();
  }

  /** The URLconf module {@code include("app.urls")} or {@code include(app_urls)} names. */
  private Optional<PyModule> moduleOf(PyModule from, PyNode target) {
    String dotted = PyNode.string(target);
    if (dotted != null) {
      return modules.resolve(dotted, 0, from);
    }
    if (target instanceof Name name) {
      PyModule.Import imported = from.imports.get(name.dotted());
      if (imported != null) {
        return modules.importedModule(imported, from);
      }
    }
    return Optional.empty();
  }

  /** {@code views.detail} for a function view, {@code ArticleView} for a class-based one. */
  private static String handler(PyNode view) {
    if (view instanceof Call call && call.callee().endsWith(".as_view")) {
      return call.callee().substring(0, call.callee().length() - ".as_view".length());
    }
    if (view instanceof Name name) {
      return name.dotted();
    }
    return "?";
  }

  /** Django concatenates patterns as written; only regex anchors in between must go. */
  private static String join(String prefix, String route) {
    String left = prefix.endsWith("$") ? prefix.substring(0, prefix.length() - 1) : prefix;
    String right = route.startsWith("^") && !left.isEmpty() ? route.substring(1) : route;
    return left + right;
  }

  private static String lastPart(String dotted) {
    return dotted.substring(dotted.lastIndexOf('.') + 1);
  }
}
