package dev.backtrack.scanner.jaxrs;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.backtrack.scanner.ast.Annotations;
import dev.backtrack.scanner.ast.JavaFile;
import dev.backtrack.scanner.source.Paths;
import dev.backtrack.scanner.source.RawRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * JAX-RS root resources ({@code javax.ws.rs} and {@code jakarta.ws.rs}): a class or interface
 * with {@code @Path}, whose methods carry {@code @GET}-style annotations and an optional
 * {@code @Path} of their own. Sub-resource locators (a {@code @Path} method without an HTTP
 * method) are not followed: the class they return is only known at run time.
 */
public final class JaxRsResources {
  /** Framework name on the routes this picker finds. */
  public static final String FRAMEWORK = "jaxrs";

  private static final Set<String> HTTP_METHODS =
      Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

  private JaxRsResources() {}

  /** Routes of the root resources in {@code file}, without any {@code @ApplicationPath}. */
  public static List<RawRoute> find(JavaFile file) {
    List<RawRoute> routes = new ArrayList<>();
    if (!file.mentions("Path")) {
      return routes;
    }
    for (ClassOrInterfaceDeclaration type : file.types()) {
      Optional<AnnotationExpr> typePath = Annotations.find(type, "Path");
      if (typePath.isEmpty()) {
        continue;
      }
      List<String> prefixes = Annotations.strings(typePath.get(), file.constants(), "value");
      for (MethodDeclaration method : type.getMethods()) {
        Optional<AnnotationExpr> verb = httpMethod(method);
        if (verb.isEmpty()) {
          continue;
        }
        List<String> paths = List.of("");
        Optional<AnnotationExpr> methodPath = Annotations.find(method, "Path");
        if (methodPath.isPresent()) {
          paths = Annotations.strings(methodPath.get(), file.constants(), "value");
        }
        String handler = JavaFile.handler(type, method.getNameAsString());
        for (String prefix : prefixes) {
          for (String path : paths) {
            routes.add(
                new RawRoute(
                    Annotations.simpleName(verb.get()),
                    Paths.join(prefix, path),
                    file.relative(),
                    JavaFile.line(verb.get()),
                    handler,
                    FRAMEWORK));
          }
        }
      }
    }
    return routes;
  }

  /** Values of every {@code @ApplicationPath} in {@code file}: prefixes for all resources. */
  public static List<String> applicationPaths(JavaFile file) {
    List<String> paths = new ArrayList<>();
    for (ClassOrInterfaceDeclaration type : file.types()) {
      Annotations.find(type, "ApplicationPath")
          .ifPresent(a -> paths.addAll(Annotations.strings(a, file.constants(), "value")));
    }
    return paths;
  }

  private static Optional<AnnotationExpr> httpMethod(MethodDeclaration method) {
    return method.getAnnotations().stream()
        .filter(a -> HTTP_METHODS.contains(Annotations.simpleName(a)))
        .findFirst();
  }
}
