package dev.backtrack.collector.scan;

import dev.backtrack.scanner.Endpoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The routes the scanner found, per service, with file paths relative to the service's start
 * root ({@code /} separators). Not thread-safe: owned by the query verticle.
 */
public final class ScanCatalog {
  private final Map<String, List<Endpoint>> endpoints = new TreeMap<>();

  /**
   * Stores the outcome of a scan: the endpoints of {@code outcome.service()} whose file lies
   * below the scanned folder are replaced by the new ones.
   */
  public void put(ScanOutcome outcome) {
    List<Endpoint> kept = new ArrayList<>();
    String prefix = outcome.prefix();
    for (Endpoint e : endpoints.getOrDefault(outcome.service(), List.of())) {
      if (!prefix.isEmpty() && !Folders.isBelow(e.file(), prefix)) {
        kept.add(e);
      }
    }
    for (Endpoint e : outcome.result().endpoints()) {
      String file = prefix.isEmpty() ? e.file() : prefix + "/" + e.file();
      kept.add(new Endpoint(e.method(), e.route(), file, e.line(), e.handler(), e.framework()));
    }
    endpoints.put(outcome.service(), Collections.unmodifiableList(kept));
  }

  public boolean isScanned(String service) {
    return endpoints.containsKey(service);
  }

  /** The endpoints of {@code service}, empty when it was not scanned. */
  public List<Endpoint> endpoints(String service) {
    return endpoints.getOrDefault(service, List.of());
  }

  /** Every scanned service, sorted by name. */
  public List<String> services() {
    return new ArrayList<>(endpoints.keySet());
  }
}
