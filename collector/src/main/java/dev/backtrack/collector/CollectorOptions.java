package dev.backtrack.collector;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a collector is started with. Built from the CLI flags or, when the collector is
 * embedded, from the {@link JsonObject} handed to the deployment.
 *
 * <p>JSON keys: {@code host}, {@code port}, {@code db}, {@code retention_s}, {@code token},
 * {@code bus_prefix}, {@code scans} (array of {@code {"path", "service"}}).
 */
public final class CollectorOptions {
  /** Loopback only, unless a token is given. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  public static final int DEFAULT_PORT = 9876;

  /** Raw events are kept one hour by default. */
  public static final long DEFAULT_RETENTION_SECONDS = 3600;

  private final JsonObject json;

  private CollectorOptions(JsonObject json) {
    this.json = json.copy();
  }

  public static CollectorOptions fromJson(JsonObject json) {
    return new CollectorOptions(json == null ? new JsonObject() : json);
  }

  public String host() {
    return json.getString("host", DEFAULT_HOST);
  }

  /** The port to bind; 0 picks a free one. */
  public int port() {
    return json.getInteger("port", DEFAULT_PORT);
  }

  public Path db() {
    String db = json.getString("db");
    return db != null
        ? Path.of(db)
        : Path.of(System.getProperty("user.home"), ".backtrack", "backtrack.db");
  }

  public long retentionSeconds() {
    return json.getLong("retention_s", DEFAULT_RETENTION_SECONDS);
  }

  /** The bearer token every request must present, or null when none is required. */
  public String token() {
    return json.getString("token");
  }

  public String busPrefix() {
    return json.getString("bus_prefix", "backtrack");
  }

  /** The source roots to scan, each with the service its routes belong to. */
  public List<ScanRoot> scans() {
    JsonArray scans = json.getJsonArray("scans", new JsonArray());
    List<ScanRoot> roots = new ArrayList<>();
    for (int i = 0; i < scans.size(); i++) {
      JsonObject scan = scans.getJsonObject(i);
      roots.add(new ScanRoot(Path.of(scan.getString("path")), scan.getString("service")));
    }
    return roots;
  }

  public JsonObject toJson() {
    return json.copy();
  }

  /** A source folder and the service whose routes it defines. */
  public record ScanRoot(Path path, String service) {}
}
