package dev.backtrack.collector.cli;

import dev.backtrack.collector.CollectorOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The flags shared by {@code start} and {@code demo}. */
final class ServeOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = CollectorOptions.DEFAULT_HOST,
      description = "Address to bind (default: ${DEFAULT-VALUE}). Beyond loopback a --token is"
          + " required.")
  String host;

  @Option(names = "--port", defaultValue = "9876",
      description = "Port to bind (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--db", paramLabel = "FILE",
      description = "SQLite file (default: ~/.backtrack/backtrack.db); its folder is created.")
  Path db;

  @Option(names = "--retention", paramLabel = "SECONDS", defaultValue = "3600",
      description = "Seconds of raw events to keep (default: ${DEFAULT-VALUE}).")
  long retentionSeconds;

  @Option(names = "--scan", paramLabel = "PATH",
      description = "Source folder to scan for routes at start (repeatable).")
  List<Path> scans = new ArrayList<>();

  @Option(names = "--scan-service", paramLabel = "NAME",
      description = "Service of the --scan at the same position (default: the folder's name).")
  List<String> scanServices = new ArrayList<>();

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "Require 'Authorization: Bearer TOKEN' on every request.")
  String token;

  /** The collector configuration these flags describe. */
  JsonObject toConfig() {
    if (port < 0 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535");
    }
    if (retentionSeconds <= 0) {
      throw new ParameterException(spec.commandLine(), "--retention must be positive");
    }
    if (scanServices.size() > scans.size()) {
      throw new ParameterException(spec.commandLine(),
          "each --scan-service needs a --scan at the same position");
    }
    JsonArray scanRoots = new JsonArray();
    for (int i = 0; i < scans.size(); i++) {
      Path path = scans.get(i).toAbsolutePath().normalize();
      String service = i < scanServices.size() ? scanServices.get(i)
          : String.valueOf(path.getFileName());
      scanRoots.add(new JsonObject().put("path", path.toString()).put("service", service));
    }
    JsonObject config = new JsonObject()
        .put("host", host)
        .put("port", port)
        .put("retention_s", retentionSeconds)
        .put("scans", scanRoots);
    if (db != null) {
      config.put("db", db.toAbsolutePath().toString());
    }
    if (token != null) {
      config.put("token", token);
    }
    return config;
  }
}
