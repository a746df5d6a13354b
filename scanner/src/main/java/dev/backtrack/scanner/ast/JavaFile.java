package dev.backtrack.scanner.ast;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.List;

/**
 * A parsed Java source file with the helpers every Java picker needs.
 *
 * @param unit the parsed compilation unit
 * @param relative path relative to the scanned root, {@code /} separators
 * @param text the source text, for cheap "can this picker find anything here" checks
 * @param constants resolves string constants declared in this file
 */
public record JavaFile(
    CompilationUnit unit, String relative, String text, ConstantResolver constants) {

  /** Wraps {@code unit}, parsed from {@code text} found at {@code relative}. */
  public static JavaFile of(CompilationUnit unit, String relative, String text) {
    return new JavaFile(unit, relative, text, new ConstantResolver(unit));
  }

  /**
   * Whether the source text contains {@code word} anywhere. Pickers use it to skip walking the
   * tree of a file that cannot hold their annotations or calls; it never decides a route.
   */
  public boolean mentions(String word) {
    return text.contains(word);
  }

  /** Every class and interface of the file, nested ones included. */
  public List<ClassOrInterfaceDeclaration> types() {
    return unit.findAll(ClassOrInterfaceDeclaration.class);
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
