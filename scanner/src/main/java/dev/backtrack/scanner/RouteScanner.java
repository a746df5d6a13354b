package dev.backtrack.scanner;

import dev.backtrack.scanner.jaxrs.ApplicationPathPrefixes;
import dev.backtrack.scanner.python.PythonRoutes;
import dev.backtrack.scanner.servlet.WebXmlMappings;
import dev.backtrack.scanner.source.FileIssue;
import dev.backtrack.scanner.source.RawRoute;
import dev.backtrack.scanner.source.SourceFile;
import dev.backtrack.scanner.source.SourceReader;
import dev.backtrack.scanner.source.SourceTreeWalker;
import dev.backtrack.scanner.source.UnreadableSourceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks a source tree and returns every route it defines, without compiling or running it.
 *
 * <p>Java files are parsed (in parallel) and handed to one picker per framework family:
 * Spring MVC/WebFlux, JAX-RS, Micronaut, Vert.x Web and servlets; {@code web.xml} descriptors
 * and Python (FastAPI, Django) sources are read too. A file that cannot be read or parsed
 * becomes a {@link ScanProblem} and the scan goes on.
 */
public final class RouteScanner {
  private static final Comparator<Endpoint> ORDER =
      Comparator.comparing(Endpoint::file)
          .thenComparingInt(Endpoint::line)
          .thenComparing(Endpoint::method)
          .thenComparing(Endpoint::route)
          .thenComparing(Endpoint::handler);

  private RouteScanner() {}

  /**
   * Scans {@code root}, a folder or a single source file; never throws for a file that does not
   * parse. Endpoints come sorted by file, line and method.
   */
  public static ScanResult scan(Path root) {
    SourceTreeWalker.Listing listing = SourceTreeWalker.walk(root);
    List<RawRoute> routes = new ArrayList<>();
    List<FileIssue> issues = new ArrayList<>(listing.issues());
    List<SourceFile> java = new ArrayList<>();
    List<SourceFile> python = new ArrayList<>();
    for (SourceFile file : listing.files()) {
      String name = file.fileName();
      if (name.endsWith(".java")) {
        java.add(file);
      } else if (name.endsWith(".py")) {
        python.add(file);
      } else {
        scanWebXml(file, routes, issues);
      }
    }
    scanJava(java, routes, issues);
    PythonRoutes.Found found = PythonRoutes.scan(python);
    routes.addAll(found.routes());
    issues.addAll(found.issues());
    return new ScanResult(endpoints(routes), problems(issues), listing.files().size());
  }

  private static void scanJava(
      List<SourceFile> files, List<RawRoute> routes, List<FileIssue> issues) {
    List<JavaFileScan.Outcome> outcomes =
        files.parallelStream().map(JavaFileScan::scan).toList();
    ConstantTable constants = new ConstantTable();
    outcomes.forEach(outcome -> constants.addAll(outcome.constants()));
    ApplicationPathPrefixes applications = new ApplicationPathPrefixes();
    List<RawRoute> javaRoutes = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      JavaFileScan.Outcome outcome = outcomes.get(i);
      javaRoutes.addAll(outcome.routes());
      applications.declare(files.get(i).relative(), constants.substituteAll(
          outcome.applicationPaths()));
      if (outcome.issue() != null) {
        issues.add(outcome.issue());
      }
    }
    routes.addAll(applications.apply(constants.resolve(javaRoutes)));
  }

  private static void scanWebXml(SourceFile file, List<RawRoute> routes, List<FileIssue> issues) {
    try {
      routes.addAll(WebXmlMappings.find(SourceReader.read(file), file.relative()));
    } catch (UnreadableSourceException e) {
      issues.add(new FileIssue(file.relative(), e.getMessage()));
    }
  }

  private static List<Endpoint> endpoints(List<RawRoute> routes) {
    Set<Endpoint> unique = new LinkedHashSet<>();
    for (RawRoute route : routes) {
      unique.add(
          new Endpoint(
              route.method(),
              RouteTemplates.canonical(route.path()),
              route.file(),
              route.line(),
              route.handler(),
              route.framework()));
    }
    List<Endpoint> sorted = new ArrayList<>(unique);
    sorted.sort(ORDER);
    return List.copyOf(sorted);
  }

  private static List<ScanProblem> problems(List<FileIssue> issues) {
    return issues.stream()
        .sorted(Comparator.comparing(FileIssue::file).thenComparing(FileIssue::message))
        .map(issue -> new ScanProblem(issue.file(), issue.message()))
        .toList();
  }
}
