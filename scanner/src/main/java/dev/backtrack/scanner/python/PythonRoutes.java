package dev.backtrack.scanner.python;

import dev.backtrack.scanner.source.FileIssue;
import dev.backtrack.scanner.source.RawRoute;
import dev.backtrack.scanner.source.SourceFile;
import dev.backtrack.scanner.source.SourceReader;
import dev.backtrack.scanner.source.UnreadableSourceException;
import java.util.ArrayList;
import java.util.List;

/**
 * FastAPI and Django routes of a set of Python files. Python is tokenized, not parsed: the
 * pickers read decorators, assignments and calls at the start of logical lines, which is how
 * routes are declared in practice.
 */
public final class PythonRoutes {
  private static final List<String> MARKERS =
      List.of("@", "urlpatterns", "include_router", "APIRouter", "FastAPI", "_patterns");

  private PythonRoutes() {}

  /** Routes found in Python sources, and the files that could not be read. */
  public record Found(List<RawRoute> routes, List<FileIssue> issues) {}

  /** Reads {@code files} and returns their routes, prefixes across modules stitched. */
  public static Found scan(List<SourceFile> files) {
    List<PyModule> modules = new ArrayList<>();
    List<FileIssue> issues = new ArrayList<>();
    for (SourceFile file : files) {
      try {
        String text = SourceReader.read(file);
        // Modules without route syntax still count: include() and imports may name them.
        boolean relevant = MARKERS.stream().anyMatch(text::contains);
        modules.add(new PyModule(file.relative(), relevant ? PyTokenizer.tokenize(text)
            : PyTokenizer.tokenize("")));
      } catch (UnreadableSourceException e) {
        issues.add(new FileIssue(file.relative(), e.getMessage()));
      } catch (RuntimeException e) {
        issues.add(new FileIssue(file.relative(), "not analysed: " + e.getClass().getSimpleName()));
      }
    }
    List<RawRoute> routes = new ArrayList<>();
    PyModules index = new PyModules(modules);
    // The pickers work across modules: a surprise in one costs its framework, not the scan.
    try {
      routes.addAll(FastApiRoutes.find(index));
    } catch (RuntimeException | StackOverflowError e) {
      issues.add(new FileIssue(".", "FastAPI routes not analysed: " + e));
    }
    try {
      routes.addAll(DjangoUrls.find(index));
    } catch (RuntimeException | StackOverflowError e) {
      issues.add(new FileIssue(".", "Django routes not analysed: " + e));
    }
    return new Found(routes, issues);
  }
}
