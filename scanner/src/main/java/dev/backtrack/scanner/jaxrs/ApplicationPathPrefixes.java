package dev.backtrack.scanner.jaxrs;

import dev.backtrack.scanner.source.RawRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts {@code @ApplicationPath} in front of JAX-RS routes. A tree may hold several
 * applications (one per module); each resource takes the application declared closest to it,
 * that is in the folder sharing the longest prefix with its own.
 */
public final class ApplicationPathPrefixes {
  private final TreeMap<String, String> pathByFile = new TreeMap<>();

  /** Records the application paths declared in {@code file}; the first one counts. */
  public void declare(String file, List<String> applicationPaths) {
    if (!applicationPaths.isEmpty()) {
      pathByFile.putIfAbsent(file, applicationPaths.get(0));
    }
  }

  /** {@code routes} with each JAX-RS route prefixed by its application's path. */
  public List<RawRoute> apply(List<RawRoute> routes) {
    if (pathByFile.isEmpty()) {
      return routes;
    }
    List<RawRoute> prefixed = new ArrayList<>(routes.size());
    for (RawRoute route : routes) {
      prefixed.add(
          route.framework().equals(JaxRsResources.FRAMEWORK)
              ? route.withPrefix(closest(route.file()))
              : route);
    }
    return prefixed;
  }

  private String closest(String file) {
    String best = null;
    int bestShared = -1;
    // TreeMap order makes ties go to the first file by path: deterministic.
    for (Map.Entry<String, String> entry : pathByFile.entrySet()) {
      int shared = sharedFolderDepth(folder(entry.getKey()), folder(file));
      if (shared > bestShared) {
        bestShared = shared;
        best = entry.getValue();
      }
    }
    return best;
  }

  private static String[] folder(String file) {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? new String[0] : file.substring(0, slash).split("/");
  }

  private static int sharedFolderDepth(String[] a, String[] b) {
    int i = 0;
    while (i < a.length && i < b.length && a[i].equals(b[i])) {
      i++;
    }
    return i;
  }
}
