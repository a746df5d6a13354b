package dev.backtrack.scanner.spring;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.backtrack.scanner.ast.Annotations;
import dev.backtrack.scanner.ast.JavaFile;
import dev.backtrack.scanner.source.Paths;
import dev.backtrack.scanner.source.RawRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spring MVC and WebFlux annotated controllers: {@code @RequestMapping} on the class (path
 * prefixes and methods) combined with {@code @RequestMapping} or {@code @GetMapping}-style
 * shortcuts on handler methods.
 */
public final class SpringMappings {
  private static final String REQUEST_MAPPING = "RequestMapping";
  private static final Map<String, String> SHORTCUTS =
      Map.of(
          "GetMapping", "GET",
          "PostMapping", "POST",
          "PutMapping", "PUT",
          "DeleteMapping", "DELETE",
          "PatchMapping", "PATCH");
  private static final String[] PATH_ATTRIBUTES = {"value", "path"};

  private SpringMappings() {}

  /** Every route the annotated classes and interfaces of {@code file} declare. */
  public static List<RawRoute> find(JavaFile file) {
    List<RawRoute> routes = new ArrayList<>();
    if (!file.mentions("Mapping")) {
      return routes;
    }
    for (ClassOrInterfaceDeclaration type : file.types()) {
      Mapping typeMapping =
          Annotations.find(type, REQUEST_MAPPING)
              .map(a -> read(a, file, List.of()))
              .orElse(new Mapping(List.of(""), List.of()));
      for (MethodDeclaration method : type.getMethods()) {
        for (AnnotationExpr annotation : method.getAnnotations()) {
          Mapping mapping = methodMapping(annotation, file, typeMapping.methods());
          if (mapping == null) {
            continue;
          }
          String handler = JavaFile.handler(type, method.getNameAsString());
          int line = JavaFile.line(annotation);
          for (String prefix : typeMapping.paths()) {
            for (String path : mapping.paths()) {
              for (String verb : mapping.methods().isEmpty() ? List.of("ANY") : mapping.methods()) {
                routes.add(
                    new RawRoute(
                        verb, Paths.join(prefix, path), file.relative(), line, handler, "spring"));
              }
            }
          }
        }
      }
    }
    return routes;
  }

  private static Mapping methodMapping(
      AnnotationExpr annotation, JavaFile file, List<String> inheritedMethods) {
    String name = Annotations.simpleName(annotation);
    if (name.equals(REQUEST_MAPPING)) {
      return read(annotation, file, inheritedMethods);
    }
    String verb = SHORTCUTS.get(name);
    return verb == null ? null : read(annotation, file, List.of(verb));
  }

  /** Paths default to {@code ""}; methods to {@code defaultMethods} (empty means any). */
  private static Mapping read(AnnotationExpr annotation, JavaFile file, List<String> defaults) {
    List<String> paths = Annotations.strings(annotation, file.constants(), PATH_ATTRIBUTES);
    if (paths.isEmpty() && Annotations.has(annotation, PATH_ATTRIBUTES)) {
      // Set but not resolvable in this file: better no route than a wrong one.
      return new Mapping(List.of(), List.of());
    }
    List<String> methods = Annotations.enumNames(annotation, "method");
    return new Mapping(
        paths.isEmpty() ? List.of("") : paths, methods.isEmpty() ? defaults : methods);
  }

  private record Mapping(List<String> paths, List<String> methods) {}
}
