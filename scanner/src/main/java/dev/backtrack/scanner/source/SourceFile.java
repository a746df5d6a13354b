package dev.backtrack.scanner.source;

import java.nio.file.Path;

/**
 * A file found under the scanned root.
 *
 * @param path absolute path on disk
 * @param relative path relative to the scanned root, with {@code /} separators
 */
public record SourceFile(Path path, String relative) {

  /** The file name without folders, e.g. {@code urls.py}. */
  public String fileName() {
    int slash = relative.lastIndexOf('/');
    return slash < 0 ? relative : relative.substring(slash + 1);
  }
}
