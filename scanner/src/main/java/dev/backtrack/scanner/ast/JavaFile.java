package dev.backtrack.scanner.ast;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;

/**
 * A parsed Java source file with the helpers every Java picker needs.
 *
 * @param unit the parsed compilation unit
 * @param relative path relative to the scanned root, {@code /} separators
 * @param constants resolves string constants declared in this file
 */
public record JavaFile(CompilationUnit unit, String relative, ConstantResolver constants) {

  /** Wraps {@code unit} found at {@code relative}. */
  public static JavaFile of(CompilationUnit unit, String relative) {
    return new JavaFile(unit, relative, new ConstantResolver(unit));
  }

  /** 1-based line where {@code node} starts, or 0 when the parser kept no position. */
  public static int line(Node node) {
    return node.getBegin().map(position -> position.line).orElse(0);
  }

  /** {@code com.example.Outer.Inner#method}: the handler name used in every Java route. */
  public static String handler(TypeDeclaration<?> type, String method) {
    String typeName = type.getFullyQualifiedName().orElse(type.getNameAsString());
    return method == null ? typeName : typeName + "#" + method;
  }
}
