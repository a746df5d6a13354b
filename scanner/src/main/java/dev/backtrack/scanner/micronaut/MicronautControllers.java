package dev.backtrack.scanner.micronaut;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.backtrack.scanner.ast.Annotations;
import dev.backtrack.scanner.ast.JavaFile;
import dev.backtrack.scanner.source.Paths;
import dev.backtrack.scanner.source.RawRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Micronaut controllers: {@code @Controller("/prefix")} on the class and {@code @Get},
 * {@code @Post} ... on methods, with the path in {@code value}, {@code uri} or {@code uris}.
 * Spring's {@code @Controller} also exists, but its value is a bean name and its methods use
 * {@code @GetMapping}; only {@code @Get}-style methods make a class a Micronaut controller.
 */
public final class MicronautControllers {
  private static final Map<String, String> VERBS =
      Map.of(
          "Get", "GET", "Post", "POST", "Put", "PUT", "Delete", "DELETE", "Patch", "PATCH",
          "Head", "HEAD", "Options", "OPTIONS", "Trace", "TRACE");

  private MicronautControllers() {}

  /** Every route the Micronaut controllers of {@code file} declare. */
  public static List<RawRoute> find(JavaFile file) {
    List<RawRoute> routes = new ArrayList<>();
    if (!file.mentions("Controller")) {
      return routes;
    }
    for (ClassOrInterfaceDeclaration type : file.types()) {
      Optional<AnnotationExpr> controller = Annotations.find(type, "Controller");
      if (controller.isEmpty()) {
        continue;
      }
      List<String> prefixes = Annotations.strings(controller.get(), file.constants(), "value");
      if (prefixes.isEmpty() && !Annotations.has(controller.get(), "value")) {
        prefixes = List.of("/");
      }
      for (MethodDeclaration method : type.getMethods()) {
        for (AnnotationExpr annotation : method.getAnnotations()) {
          String verb = VERBS.get(Annotations.simpleName(annotation));
          if (verb == null) {
            continue;
          }
          List<String> paths = paths(annotation, file);
          String handler = JavaFile.handler(type, method.getNameAsString());
          for (String prefix : prefixes) {
            for (String path : paths) {
              routes.add(
                  new RawRoute(
                      verb.toUpperCase(Locale.ROOT),
                      Paths.join(prefix, path),
                      file.relative(),
                      JavaFile.line(annotation),
                      handler,
                      "micronaut"));
            }
          }
        }
      }
    }
    return routes;
  }

  private static List<String> paths(AnnotationExpr annotation, JavaFile file) {
    List<String> paths = new ArrayList<>(
        Annotations.strings(annotation, file.constants(), "value", "uri"));
    paths.addAll(Annotations.strings(annotation, file.constants(), "uris"));
    if (paths.isEmpty() && !Annotations.has(annotation, "value", "uri", "uris")) {
      paths.add("");
    }
    return paths;
  }
}
