package dev.backtrack.scanner.ast;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates string expressions the way the compiler folds constants: literals, {@code +}
 * concatenations and names of fields declared in the same file (in the enclosing class, an
 * outer class, or another type of the file via {@code Type.NAME}). Local variables of the
 * enclosing method are followed too, since Vert.x routes are often built from them.
 *
 * <p>A constant of another file ({@code ApiPaths.USERS}, or {@code USERS} statically imported)
 * evaluates to a {@linkplain #reference reference}, which the scan replaces once every file's
 * {@linkplain #exported exported constants} are known.
 */
public final class ConstantResolver {
  /** Delimits a reference to a constant of another file inside a resolved string. */
  public static final char MARK = '\u0000';

  /** Deep enough for real constant chains, shallow enough to stop on {@code A = B; B = A}. */
  private static final int MAX_DEPTH = 16;

  private final CompilationUnit unit;

  ConstantResolver(CompilationUnit unit) {
    this.unit = unit;
  }

  /** The string value of {@code expression}, or empty when it is not a constant of this file. */
  public Optional<String> resolve(Expression expression) {
    return Optional.ofNullable(eval(expression, 0));
  }

  private String eval(Expression e, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    if (e instanceof StringLiteralExpr literal) {
      return literal.asString();
    }
    if (e instanceof TextBlockLiteralExpr block) {
      return block.asString();
    }
    if (e instanceof CharLiteralExpr c) {
      return String.valueOf(c.asChar());
    }
    if (e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr) {
      return e.toString();
    }
    if (e instanceof EnclosedExpr enclosed) {
      return eval(enclosed.getInner(), depth + 1);
    }
    if (e instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
      String left = eval(binary.getLeft(), depth + 1);
      String right = left == null ? null : eval(binary.getRight(), depth + 1);
      return right == null ? null : left + right;
    }
    if (e instanceof NameExpr name) {
      return evalName(name, depth);
    }
    if (e instanceof FieldAccessExpr access) {
      return evalFieldAccess(access, depth);
    }
    return null;
  }

  /** {@code MARK + "ApiPaths.USERS" + MARK}: a constant to look up in another file. */
  public static String reference(String type, String field) {
    return MARK + type + "." + field + MARK;
  }

  /**
   * The {@code String} constants this file offers to others, as {@code Type.NAME} → value:
   * {@code static final} fields, and every field of an interface. Values may hold references.
   */
  public Map<String, String> exported() {
    Map<String, String> constants = new HashMap<>();
    for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
      boolean isInterface =
          type instanceof ClassOrInterfaceDeclaration c && c.isInterface();
      for (FieldDeclaration field : type.getFields()) {
        if (!isInterface && !(field.isStatic() && field.isFinal())) {
          continue;
        }
        for (VariableDeclarator variable : field.getVariables()) {
          if (variable.getType().asString().equals("String")
              && variable.getInitializer().isPresent()) {
            String value = eval(variable.getInitializer().get(), 0);
            if (value != null) {
              constants.putIfAbsent(type.getNameAsString() + "." + variable.getNameAsString(),
                  value);
            }
          }
        }
      }
    }
    return constants;
  }

  private String evalName(NameExpr name, int depth) {
    String identifier = name.getNameAsString();
    Optional<CallableDeclaration> callable = name.findAncestor(CallableDeclaration.class);
    if (callable.isPresent()) {
      Optional<VariableDeclarator> local =
          callable.get().findFirst(
              VariableDeclarator.class,
              v -> v.getNameAsString().equals(identifier) && isLocal(v) && v.getInitializer()
                  .isPresent());
      if (local.isPresent()) {
        return eval(local.get().getInitializer().get(), depth + 1);
      }
    }
    // Innermost enclosing type first, then outward, then any other type of the file.
    Node node = name;
    while (node != null) {
      if (node instanceof TypeDeclaration<?> type) {
        String value = fieldValue(type, identifier, depth);
        if (value != null) {
          return value;
        }
      }
      node = node.getParentNode().orElse(null);
    }
    for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
      String value = fieldValue(type, identifier, depth);
      if (value != null) {
        return value;
      }
    }
    for (ImportDeclaration imported : unit.getImports()) {
      if (imported.isStatic() && !imported.isAsterisk()
          && imported.getName().getIdentifier().equals(identifier)) {
        return imported.getName().getQualifier()
            .map(type -> reference(type.getIdentifier(), identifier))
            .orElse(null);
      }
    }
    return null;
  }

  private String evalFieldAccess(FieldAccessExpr access, int depth) {
    Expression scope = access.getScope();
    String field = access.getNameAsString();
    if (scope.isThisExpr()) {
      return access
          .findAncestor(TypeDeclaration.class)
          .map(type -> fieldValue(type, field, depth))
          .orElse(null);
    }
    // "Paths.API" or "com.example.Paths.API": the last name of the scope is the type.
    String typeName = scope.isNameExpr()
        ? scope.asNameExpr().getNameAsString()
        : scope.isFieldAccessExpr() ? scope.asFieldAccessExpr().getNameAsString() : null;
    if (typeName == null) {
      return null;
    }
    for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
      if (type.getNameAsString().equals(typeName)) {
        String value = fieldValue(type, field, depth);
        if (value != null) {
          return value;
        }
      }
    }
    // Not declared here: a type of another file, if it is named like one.
    return Character.isUpperCase(typeName.charAt(0)) ? reference(typeName, field) : null;
  }

  private String fieldValue(TypeDeclaration<?> type, String name, int depth) {
    for (FieldDeclaration field : type.getFields()) {
      for (VariableDeclarator variable : field.getVariables()) {
        if (variable.getNameAsString().equals(name) && variable.getInitializer().isPresent()) {
          return eval(variable.getInitializer().get(), depth + 1);
        }
      }
    }
    return null;
  }

  private static boolean isLocal(VariableDeclarator variable) {
    return variable.getParentNode().filter(p -> !(p instanceof FieldDeclaration)).isPresent();
  }
}
