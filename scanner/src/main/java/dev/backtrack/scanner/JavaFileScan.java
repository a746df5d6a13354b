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
import java.util.Map;

/** Reads, parses and runs every Java picker over one file. */
final class JavaFileScan {
  private JavaFileScan() {}

  /**
   * What one Java file yielded: routes, application paths and the constants it offers other
   * files, or the reason it was skipped.
   */
  record Outcome(
      List<RawRoute> routes,
      List<String> applicationPaths,
      Map<String, String> constants,
      FileIssue issue) {
    static Outcome skipped(FileIssue issue) {
      return new Outcome(List.of(), List.of(), Map.of(), issue);
    }
  }

  static Outcome scan(SourceFile file) {
    try {
      String text = SourceReader.read(file);
      boolean routes = RouteMarkers.mayDefineRoutes(text);
      if (!routes && !RouteMarkers.mayDeclareConstants(text)) {
        return Outcome.skipped(null);
      }
      CompilationUnit unit = JavaFileParser.parse(text);
      JavaFile javaFile = JavaFile.of(unit, file.relative(), text);
      Map<String, String> constants = javaFile.constants().exported();
      if (!routes) {
        return new Outcome(List.of(), List.of(), constants, null);
      }
      List<RawRoute> found = new ArrayList<>();
      found.addAll(SpringMappings.find(javaFile));
      found.addAll(JaxRsResources.find(javaFile));
      found.addAll(MicronautControllers.find(javaFile));
      found.addAll(WebServlets.find(javaFile));
      found.addAll(VertxRoutes.find(javaFile));
      return new Outcome(found, JaxRsResources.applicationPaths(javaFile), constants, null);
    } catch (UnreadableSourceException e) {
      return Outcome.skipped(new FileIssue(file.relative(), e.getMessage()));
    } catch (RuntimeException | StackOverflowError e) {
      // A picker tripping over an unusual construct costs this file, not the scan.
      return Outcome.skipped(
          new FileIssue(file.relative(), "not analysed: " + e.getClass().getSimpleName()));
    }
  }
}
