package dev.backtrack.collector.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * An archive of the collector's loaded classes (the JVM's class data sharing), so that starts
 * after the first skip most of the class loading and verification that dominate start time.
 * The first run of a jar on a JDK writes the archive as its JVM exits; later runs map it. The
 * archive's name holds the jar's size and time and the JDK version, so a rebuilt jar or another
 * JDK gets an archive of its own rather than a stale one, which the JVM would ignore anyway.
 */
final class ClassCache {
  /** Class data sharing's own warnings (such as classes too old to archive) are not news. */
  private static final String QUIET = "-Xlog:cds*=off";

  private final Path archive;
  private final Path pending;

  private ClassCache(Path archive) {
    this.archive = archive;
    this.pending = archive.resolveSibling(archive.getFileName() + "."
        + ProcessHandle.current().pid() + ".tmp");
  }

  /**
   * The cache for a class path that is one jar file, kept under {@code dir}; null for any other
   * class path (a build's class folders change without notice).
   */
  static ClassCache forClassPath(String classPath, Path dir) {
    Path jar = Path.of(classPath);
    if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)
        || !Files.isRegularFile(jar)) {
      return null;
    }
    try {
      Files.createDirectories(dir);
      String name = "backtrack-" + Files.size(jar) + "-"
          + Files.getLastModifiedTime(jar).toMillis() + "-jdk"
          + Runtime.version().toString().replaceAll("[^A-Za-z0-9.]", "_") + ".jsa";
      return new ClassCache(dir.resolve(name));
    } catch (IOException e) {
      return null; // No cache folder: start without one.
    }
  }

  /** The JVM options that map the archive, or write it at exit when there is none yet. */
  List<String> jvmOptions() {
    return Files.isReadable(archive)
        ? List.of("-XX:SharedArchiveFile=" + archive, QUIET)
        : List.of("-XX:ArchiveClassesAtExit=" + pending, QUIET);
  }

  /**
   * After the child JVM ended: puts an archive it wrote in place in one step, so that a JVM
   * starting at the same time never maps a half-written file.
   */
  void settle() {
    try {
      if (Files.exists(pending)) {
        Files.move(pending, archive, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(pending);
      } catch (IOException ignored) {
        // Nothing else to do: the next start writes one again.
      }
    }
  }

  Path archive() {
    return archive;
  }
}
