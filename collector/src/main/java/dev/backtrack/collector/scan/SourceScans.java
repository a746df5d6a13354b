package dev.backtrack.collector.scan;

import dev.backtrack.collector.CollectorOptions.ScanRoot;
import dev.backtrack.scanner.RouteScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the route scanner over the start roots or a folder below one of them. A requested path
 * is resolved with {@link Path#toRealPath} ({@code ..} and symbolic links followed) before it
 * is checked, so it cannot step outside the roots. Every method blocks on the file system.
 */
public final class SourceScans {
  private static final Logger LOG = Logger.getLogger(SourceScans.class.getName());

  private final List<ScanRoot> roots;

  /** @param roots the folders given at start, each with its service */
  public SourceScans(List<ScanRoot> roots) {
    this.roots = List.copyOf(roots);
  }

  /** Scans every start root that exists. */
  public List<ScanOutcome> scanRoots() {
    List<ScanOutcome> out = new ArrayList<>();
    for (ScanRoot root : roots) {
      Path real = realOrNull(root.path());
      if (real == null || !Files.isDirectory(real)) {
        LOG.warning("not scanning " + root.path() + ": not an existing folder");
        continue;
      }
      try {
        out.add(new ScanOutcome(serviceOf(root), "", RouteScanner.scan(real)));
      } catch (RuntimeException e) {
        // A scanner bug must not keep the collector from starting; the routes stay unknown.
        LOG.log(Level.WARNING, "scanning " + root.path() + " failed", e);
      }
    }
    return out;
  }

  /**
   * Scans {@code path}, which must lie below a start root, for {@code service} (null: the
   * root's service).
   *
   * @throws ScanRefusedException when the path is outside every start root
   * @throws IllegalArgumentException when the path is not an existing folder
   */
  public ScanOutcome scan(String path, String service) {
    Path real;
    try {
      real = Path.of(path).toAbsolutePath().toRealPath();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("path is not an existing folder: " + path);
    }
    for (ScanRoot root : roots) {
      Path rootReal = realOrNull(root.path());
      if (rootReal != null && real.startsWith(rootReal)) {
        if (!Files.isDirectory(real)) {
          throw new IllegalArgumentException("path is not a folder: " + path);
        }
        String prefix = rootReal.relativize(real).toString().replace('\\', '/');
        String owner = service == null || service.isEmpty() ? serviceOf(root) : service;
        return new ScanOutcome(owner, prefix, RouteScanner.scan(real));
      }
    }
    throw new ScanRefusedException(
        "path is outside every folder given with --scan at start; only those can be scanned");
  }

  private static String serviceOf(ScanRoot root) {
    if (root.service() != null && !root.service().isEmpty()) {
      return root.service();
    }
    Path name = root.path().toAbsolutePath().normalize().getFileName();
    return name == null ? "app" : name.toString();
  }

  private static Path realOrNull(Path path) {
    try {
      return path.toAbsolutePath().toRealPath();
    } catch (IOException e) {
      return null;
    }
  }
}
