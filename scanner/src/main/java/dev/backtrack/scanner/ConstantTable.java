package dev.backtrack.scanner;

import dev.backtrack.scanner.ast.ConstantResolver;
import dev.backtrack.scanner.source.RawRoute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * String constants of every parsed Java file, by {@code Type.NAME}, used to fill in the
 * references a file makes to constants of other files ({@code @GetMapping(ApiPaths.USERS)}).
 * Types are matched by simple name; when two files declare the same one, the first file in
 * path order wins.
 */
final class ConstantTable {
  /** Constants may refer to constants; deeper chains than this are taken as cycles. */
  private static final int MAX_ROUNDS = 8;

  private final Map<String, String> values = new HashMap<>();

  void addAll(Map<String, String> constants) {
    constants.forEach(values::putIfAbsent);
  }

  /** {@code routes} with every reference replaced; routes left with unknown ones are dropped. */
  List<RawRoute> resolve(List<RawRoute> routes) {
    List<RawRoute> resolved = new ArrayList<>(routes.size());
    for (RawRoute route : routes) {
      String path = substitute(route.path());
      if (path != null) {
        resolved.add(
            path.equals(route.path())
                ? route
                : new RawRoute(route.method(), path, route.file(), route.line(), route.handler(),
                    route.framework()));
      }
    }
    return resolved;
  }

  /** {@code paths} with references replaced, leaving out those that cannot be. */
  List<String> substituteAll(List<String> paths) {
    List<String> resolved = new ArrayList<>(paths.size());
    for (String path : paths) {
      String value = substitute(path);
      if (value != null) {
        resolved.add(value);
      }
    }
    return resolved;
  }

  /** {@code path} with every reference replaced, or {@code null} when one is unknown. */
  private String substitute(String path) {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      int start = path.indexOf(ConstantResolver.MARK);
      if (start < 0) {
        return path;
      }
      StringBuilder out = new StringBuilder();
      int from = 0;
      while (start >= 0) {
        int end = path.indexOf(ConstantResolver.MARK, start + 1);
        if (end < 0) {
          return null;
        }
        String value = values.get(path.substring(start + 1, end));
        if (value == null) {
          return null; // better no route than a wrong one
        }
        out.append(path, from, start).append(value);
        from = end + 1;
        start = path.indexOf(ConstantResolver.MARK, from);
      }
      path = out.append(path.substring(from)).toString();
    }
    return null;
  }
}
