package dev.backtrack.scanner.python;

import dev.backtrack.scanner.source.FileIssue;
import dev.backtrack.scanner.source.RawRoute;
import dev.backtrack.scanner.source.SourceFile;
import java.util.List;

/** FastAPI and Django routes of a set of Python files. */
public final class PythonRoutes {
  private PythonRoutes() {}

  /** Routes found in Python sources, and the files that could not be read. */
  public record Found(List<RawRoute> routes, List<FileIssue> issues) {}

  /** Reads {@code files} and returns their routes, prefixes across modules stitched. */
  public static Found scan(List<SourceFile> files) {
    return new Found(List.of(), List.of());
  }
}
