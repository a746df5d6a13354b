package dev.backtrack.collector.query;

import dev.backtrack.collector.scan.ScanCatalog;
import dev.backtrack.scanner.Endpoint;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds {@code /api/tree}: the scanned folders → files → endpoints with live figures. */
final class TreeAnswers {
  private final Rollups rollups;
  private final ScanCatalog scans;

  TreeAnswers(Rollups rollups, ScanCatalog scans) {
    this.rollups = rollups;
    this.scans = scans;
  }

  JsonObject tree(String service, WindowRange range) {
    Folder root = new Folder("", "");
    boolean scanned = service != null && scans.isScanned(service);
    if (scanned) {
      Map<String, Totals> byLabel = new HashMap<>();
      Map<String, Totals> byPath = new HashMap<>();
      rollups.traffic.countsByRoute(service, range.from(), range.to()).forEach((key, totals) -> {
        byLabel.put(key.label(), totals);
        Totals any = byPath.computeIfAbsent(key.route(), r -> new Totals());
        any.stats.add(totals.stats);
      });
      for (Endpoint e : scans.endpoints(service)) {
        Totals t = "ANY".equals(e.method())
            ? byPath.get(e.route())
            : byLabel.get(e.method() + " " + e.route());
        root.file(e.file()).add(endpointJson(e, t == null ? new Totals() : t, range));
      }
    }
    return new JsonObject()
        .put("service", service)
        .put("scanned", scanned)
        .put("root", root.toJson());
  }

  private static JsonObject endpointJson(Endpoint e, Totals t, WindowRange range) {
    Stats s = t.stats;
    return new JsonObject()
        .put("method", e.method())
        .put("route", e.route())
        .put("line", e.line())
        .put("handler", e.handler())
        .put("requests", s.count)
        .put("rps", QueryJson.perSecond(s.count, range.seconds()))
        .put("error_rate", QueryJson.rate(s.errorRate()))
        .put("avg_ms", QueryJson.ms(s.avgMicros()))
        .put("no_traffic", s.count == 0);
  }

  /** A folder being built; children sorted by name, folders and files alike. */
  private static final class Folder {
    final String name;
    final String path;
    final Map<String, Folder> folders = new TreeMap<>();
    final Map<String, List<JsonObject>> files = new TreeMap<>();

    Folder(String name, String path) {
      this.name = name;
      this.path = path;
    }

    List<JsonObject> file(String relativePath) {
      int slash = relativePath.indexOf('/');
      if (slash < 0) {
        return files.computeIfAbsent(relativePath, f -> new ArrayList<>());
      }
      String child = relativePath.substring(0, slash);
      String childPath = path.isEmpty() ? child : path + "/" + child;
      return folders.computeIfAbsent(child, c -> new Folder(c, childPath))
          .file(relativePath.substring(slash + 1));
    }

    JsonObject toJson() {
      JsonArray children = new JsonArray();
      folders.values().forEach(f -> children.add(f.toJson()));
      files.forEach((fileName, endpoints) -> {
        endpoints.sort((a, b) -> Integer.compare(a.getInteger("line"), b.getInteger("line")));
        children.add(new JsonObject()
            .put("name", fileName)
            .put("path", path.isEmpty() ? fileName : path + "/" + fileName)
            .put("kind", "file")
            .put("endpoints", new JsonArray(new ArrayList<>(endpoints))));
      });
      return new JsonObject().put("name", name).put("path", path).put("kind", "folder")
          .put("children", children);
    }
  }
}
