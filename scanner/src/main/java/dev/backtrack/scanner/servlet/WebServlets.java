package dev.backtrack.scanner.servlet;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.backtrack.scanner.ast.Annotations;
import dev.backtrack.scanner.ast.JavaFile;
import dev.backtrack.scanner.source.RawRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code @WebServlet} classes. A servlet answers every method through {@code service}, so its
 * routes are {@code ANY}; which {@code doGet}/{@code doPost} it overrides is not a mapping.
 */
public final class WebServlets {
  /** Framework name on servlet routes, from annotations and from {@code web.xml}. */
  public static final String FRAMEWORK = "servlet";

  private WebServlets() {}

  /** One {@code ANY} route per URL pattern of every {@code @WebServlet} in {@code file}. */
  public static List<RawRoute> find(JavaFile file) {
    List<RawRoute> routes = new ArrayList<>();
    if (!file.mentions("WebServlet")) {
      return routes;
    }
    for (ClassOrInterfaceDeclaration type : file.types()) {
      Optional<AnnotationExpr> servlet = Annotations.find(type, "WebServlet");
      if (servlet.isEmpty()) {
        continue;
      }
      List<String> patterns =
          Annotations.strings(servlet.get(), file.constants(), "value", "urlPatterns");
      for (String pattern : patterns) {
        routes.add(
            new RawRoute(
                "ANY",
                pattern,
                file.relative(),
                JavaFile.line(servlet.get()),
                JavaFile.handler(type, "service"),
                FRAMEWORK));
      }
    }
    return routes;
  }
}
