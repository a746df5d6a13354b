package dev.backtrack.scanner.vertx;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.Type;
import dev.backtrack.scanner.ast.JavaFile;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells which expressions denote a Vert.x {@code Router} and gives each router a stable key,
 * so that routes registered on a sub router can be found again where it is mounted.
 *
 * <p>Keys: {@code method:apiRouter} for the router a method of this file builds and returns,
 * {@code field:name} for a field, {@code local:<method@line>:name} for a local variable or
 * parameter, {@code new:<line>:<column>} for an inline {@code Router.router(vertx)}.
 */
final class RouterNames {
  private RouterNames() {}

  /** Whether {@code scope}, the receiver of a {@code get}/{@code route} call, is a router. */
  static boolean isRouter(Expression scope) {
    if (scope instanceof MethodCallExpr call) {
      return isRouterFactory(call) || returnsRouter(call);
    }
    String name = simpleName(scope);
    if (name == null) {
      return false;
    }
    if (name.toLowerCase(Locale.ROOT).contains("router")) {
      return true;
    }
    return declaration(scope, name).map(RouterNames::declaresRouter).orElse(false);
  }

  /** The key of the router {@code expression} denotes, or empty when it is not traceable. */
  static Optional<String> key(Expression expression) {
    if (expression instanceof MethodCallExpr call) {
      if (isRouterFactory(call)) {
        return call.getBegin().map(p -> "new:" + p.line + ":" + p.column);
      }
      return localMethod(call).map(m -> "method:" + m.getNameAsString());
    }
    String name = simpleName(expression);
    if (name == null) {
      return Optional.empty();
    }
    Optional<Node> declaration = declaration(expression, name);
    if (declaration.isEmpty()) {
      return Optional.of("field:" + name);
    }
    Node node = declaration.get();
    if (node instanceof VariableDeclarator variable && isField(variable)) {
      return Optional.of("field:" + name);
    }
    if (node instanceof VariableDeclarator variable
        && variable.getInitializer().isPresent()
        && variable.getInitializer().get() instanceof MethodCallExpr init
        && !isRouterFactory(init)
        && localMethod(init).isPresent()) {
      return key(init);
    }
    Optional<MethodDeclaration> method = node.findAncestor(MethodDeclaration.class);
    if (method.isPresent() && returnsName(method.get(), name)) {
      return Optional.of("method:" + method.get().getNameAsString());
    }
    String owner =
        node.findAncestor(CallableDeclaration.class)
            .map(c -> c.getNameAsString() + "@" + JavaFile.line(c))
            .orElse("?");
    return Optional.of("local:" + owner + ":" + name);
  }

  private static String simpleName(Expression expression) {
    if (expression instanceof NameExpr name) {
      return name.getNameAsString();
    }
    if (expression instanceof FieldAccessExpr access && access.getScope().isThisExpr()) {
      return access.getNameAsString();
    }
    return null;
  }

  /** The local variable, parameter or field named {@code name} visible from {@code use}. */
  private static Optional<Node> declaration(Expression use, String name) {
    boolean thisAccess = use instanceof FieldAccessExpr;
    Node node = use.getParentNode().orElse(null);
    while (node != null) {
      if (!thisAccess && node instanceof CallableDeclaration<?> callable) {
        for (Parameter parameter : callable.getParameters()) {
          if (parameter.getNameAsString().equals(name)) {
            return Optional.of(parameter);
          }
        }
        Optional<VariableDeclarator> local =
            callable.findFirst(
                VariableDeclarator.class,
                v -> v.getNameAsString().equals(name) && !isField(v));
        if (local.isPresent()) {
          return Optional.of(local.get());
        }
      }
      if (node instanceof TypeDeclaration<?> type) {
        for (FieldDeclaration field : type.getFields()) {
          for (VariableDeclarator variable : field.getVariables()) {
            if (variable.getNameAsString().equals(name)) {
              return Optional.of(variable);
            }
          }
        }
      }
      node = node.getParentNode().orElse(null);
    }
    return Optional.empty();
  }

  private static boolean declaresRouter(Node declaration) {
    if (declaration instanceof Parameter parameter) {
      return isRouterType(parameter.getType());
    }
    if (declaration instanceof VariableDeclarator variable) {
      return isRouterType(variable.getType())
          || variable.getInitializer()
              .filter(MethodCallExpr.class::isInstance)
              .map(init -> isRouterFactory((MethodCallExpr) init) || returnsRouter(
                  (MethodCallExpr) init))
              .orElse(false);
    }
    return false;
  }

  private static boolean isRouterType(Type type) {
    String name = type.asString();
    return name.equals("Router") || name.endsWith(".Router");
  }

  /** {@code Router.router(vertx)}. */
  static boolean isRouterFactory(MethodCallExpr call) {
    return call.getNameAsString().equals("router")
        && call.getScope().map(s -> s.toString().endsWith("Router")).orElse(false);
  }

  private static boolean returnsRouter(MethodCallExpr call) {
    return localMethod(call).map(m -> isRouterType(m.getType())).orElse(false);
  }

  /** The method of this file that an unqualified or {@code this.} call invokes. */
  private static Optional<MethodDeclaration> localMethod(MethodCallExpr call) {
    if (call.getScope().isPresent() && !call.getScope().get().isThisExpr()) {
      return Optional.empty();
    }
    String name = call.getNameAsString();
    return call.findAncestor(TypeDeclaration.class)
        .flatMap(
            type ->
                ((TypeDeclaration<?>) type)
                    .getMethodsByName(name).stream()
                        .filter(m -> m.getParameters().size() == call.getArguments().size())
                        .findFirst());
  }

  private static boolean returnsName(MethodDeclaration method, String name) {
    return isRouterType(method.getType())
        && method.findAll(ReturnStmt.class).stream()
            .anyMatch(
                r ->
                    r.getExpression()
                        .filter(e -> e instanceof NameExpr n && n.getNameAsString().equals(name))
                        .isPresent());
  }

  private static boolean isField(VariableDeclarator variable) {
    return variable.getParentNode().filter(FieldDeclaration.class::isInstance).isPresent();
  }
}
