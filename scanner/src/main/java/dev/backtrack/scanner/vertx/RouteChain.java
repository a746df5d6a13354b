package dev.backtrack.scanner.vertx;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.backtrack.scanner.ast.JavaFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The fluent calls that follow a route call: {@code router.route("/x").method(GET).handler(h)}.
 * Vert.x configures a route by chaining, so methods, path and handler are read from the calls
 * whose receiver is the route call (and so on up the chain).
 */
final class RouteChain {
  private static final Set<String> HANDLER_CALLS = Set.of("handler", "blockingHandler", "respond");

  private final List<MethodCallExpr> calls = new ArrayList<>();

  /** The calls chained on {@code start}, nearest first. */
  RouteChain(MethodCallExpr start) {
    Node current = start;
    while (current.getParentNode().orElse(null) instanceof MethodCallExpr parent
        && parent.getScope().orElse(null) == current) {
      calls.add(parent);
      current = parent;
    }
  }

  /** The first call named {@code name} in the chain. */
  Optional<MethodCallExpr> find(String name) {
    return calls.stream().filter(c -> c.getNameAsString().equals(name)).findFirst();
  }

  /** Methods set with {@code .method(HttpMethod.X)}; empty means every method. */
  List<String> methods() {
    List<String> methods = new ArrayList<>();
    for (MethodCallExpr call : calls) {
      if (call.getNameAsString().equals("method") && call.getArguments().size() == 1) {
        httpMethod(call.getArgument(0)).ifPresent(methods::add);
      }
    }
    return methods;
  }

  /** {@code Api#list} for {@code .handler(this::list)}; else the enclosing class and method. */
  String handler(Node registration) {
    Expression last = null;
    for (MethodCallExpr call : calls) {
      if (HANDLER_CALLS.contains(call.getNameAsString()) && call.getArguments().size() == 1) {
        last = call.getArgument(0);
      }
    }
    if (last instanceof MethodReferenceExpr reference) {
      Expression scope = reference.getScope();
      String owner =
          scope.isThisExpr() ? enclosingType(registration) : typeInFile(registration, scope);
      return owner + "#" + reference.getIdentifier();
    }
    if (last instanceof ObjectCreationExpr creation) {
      return creation.getType().getNameAsString();
    }
    if (last instanceof NameExpr name) {
      return name.getNameAsString();
    }
    String method =
        registration.findAncestor(CallableDeclaration.class)
            .map(CallableDeclaration::getNameAsString)
            .orElse(null);
    String type = enclosingType(registration);
    return method == null ? type : type + "#" + method;
  }

  /** {@code HttpMethod.GET} or a static import {@code GET}. */
  static Optional<String> httpMethod(Expression expression) {
    String name = null;
    if (expression instanceof FieldAccessExpr access) {
      name = access.getNameAsString();
    } else if (expression instanceof NameExpr plain) {
      name = plain.getNameAsString();
    } else if (expression instanceof MethodCallExpr call
        && call.getNameAsString().equals("valueOf")
        && call.getArguments().size() == 1
        && call.getArgument(0).isStringLiteralExpr()) {
      name = call.getArgument(0).asStringLiteralExpr().asString();
    }
    if (name == null || !name.chars().allMatch(c -> Character.isUpperCase(c) || c == '_')) {
      return Optional.empty();
    }
    return Optional.of(name.toUpperCase(Locale.ROOT));
  }

  /** {@code Api} written as a receiver, qualified when the file declares that type. */
  private static String typeInFile(Node node, Expression scope) {
    String written = scope.toString();
    return node.findCompilationUnit()
        .flatMap(unit -> unit.findFirst(TypeDeclaration.class,
            type -> type.getNameAsString().equals(written)))
        .map(type -> JavaFile.handler((TypeDeclaration<?>) type, null))
        .orElse(written);
  }

  private static String enclosingType(Node node) {
    return node.findAncestor(TypeDeclaration.class)
        .map(type -> JavaFile.handler((TypeDeclaration<?>) type, null))
        .orElse("?");
  }
}
