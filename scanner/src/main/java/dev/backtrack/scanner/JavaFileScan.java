package dev.backtrack.scanner;

import com.github.javaparser.ast.CompilationUnit;
import dev.backtrack.scanner.ast.JavaFile;
import dev.backtrack.scanner.ast.JavaFileParser;
import dev.backtrack.scanner.jaxrs.JaxRsResources;
import dev.backtrack.scanner.micronaut.MicronautControllers;
import dev.backtrack.scanner.servlet.WebServlets;
import dev.backtrack.scanner.source.FileIssue;
import dev.backtrack.scanner.source.RawRoute;
import dev.backtrack.scanner.source.SourceFile;
import dev.backtrack.scanner.source.SourceReader;
import dev.backtrack.scanner.source.UnreadableSourceException;
import dev.backtrack.scanner.spring.SpringMappings;
import dev.backtrack.scanner.vertx.VertxRoutes;
import java.util.ArrayList;
import java.util.List;

/** Reads, parses and runs every Java picker over one file. */
final class JavaFileScan {
  private JavaFileScan() {}

  /** What one Java file yielded: routes and application paths, or the reason it was skipped. */
  record Outcome(List<RawRoute> routes, List<String> applicationPaths, FileIssue issue) {}

  static Outcome scan(SourceFile file) {
    try {
      String text = SourceReader.read(file);
      if (!RouteMarkers.mayDefineRoutes(text)) {
        return new Outcome(List.of(), List.of(), null);
      }
      CompilationUnit unit = JavaFileParser.parse(text);
      JavaFile javaFile = JavaFile.of(unit, file.relative(), text);
      List<RawRoute> routes = new ArrayList<>();
      routes.addAll(SpringMappings.find(javaFile));
      routes.addAll(JaxRsResources.find(javaFile));
      routes.addAll(MicronautControllers.find(javaFile));
      routes.addAll(WebServlets.find(javaFile));
      routes.addAll(VertxRoutes.find(javaFile));
      return new Outcome(routes, JaxRsResources.applicationPaths(javaFile), null);
    } catch (UnreadableSourceException e) {
      return new Outcome(List.of(), List.of(), new FileIssue(file.relative(), e.getMessage()));
    } catch (RuntimeException | StackOverflowError e) {
      // A picker tripping over an unusual construct costs this file, not the scan.
      return new Outcome(
          List.of(),
          List.of(),
          new FileIssue(file.relative(), "not analysed: " + e.getClass().getSimpleName()));
    }
  }
}
