package dev.backtrack.scanner.ast;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads annotation attributes without a classpath. Annotations match by simple name, so both
 * {@code @GetMapping} and {@code @org.springframework...GetMapping} are seen.
 */
public final class Annotations {
  private Annotations() {}

  /** The first annotation on {@code node} whose simple name is {@code simpleName}. */
  public static Optional<AnnotationExpr> find(NodeWithAnnotations<?> node, String simpleName) {
    for (AnnotationExpr annotation : node.getAnnotations()) {
      if (simpleName(annotation).equals(simpleName)) {
        return Optional.of(annotation);
      }
    }
    return Optional.empty();
  }

  /** {@code GetMapping} for {@code @org.springframework.web.bind.annotation.GetMapping}. */
  public static String simpleName(AnnotationExpr annotation) {
    return annotation.getName().getIdentifier();
  }

  /** Whether any of {@code attributes} is set ({@code value} also as the single member). */
  public static boolean has(AnnotationExpr annotation, String... attributes) {
    return !expressions(annotation, attributes).isEmpty();
  }

  /**
   * The string values of the first set attribute among {@code attributes}, arrays flattened.
   * Values that are not constants of this file are left out.
   */
  public static List<String> strings(
      AnnotationExpr annotation, ConstantResolver constants, String... attributes) {
    List<String> values = new ArrayList<>();
    for (Expression expression : expressions(annotation, attributes)) {
      constants.resolve(expression).ifPresent(values::add);
    }
    return values;
  }

  /** Enum constant names of an attribute: {@code RequestMethod.GET} and {@code GET} → GET. */
  public static List<String> enumNames(AnnotationExpr annotation, String attribute) {
    List<String> names = new ArrayList<>();
    for (Expression expression : expressions(annotation, attribute)) {
      if (expression instanceof FieldAccessExpr access) {
        names.add(access.getNameAsString().toUpperCase(Locale.ROOT));
      } else if (expression instanceof NameExpr name) {
        names.add(name.getNameAsString().toUpperCase(Locale.ROOT));
      }
    }
    return names;
  }

  /** Raw expressions of the first set attribute among {@code attributes}, arrays flattened. */
  public static List<Expression> expressions(AnnotationExpr annotation, String... attributes) {
    for (String attribute : attributes) {
      Optional<Expression> value = attribute(annotation, attribute);
      if (value.isPresent()) {
        return flatten(value.get());
      }
    }
    return List.of();
  }

  private static Optional<Expression> attribute(AnnotationExpr annotation, String name) {
    if (annotation instanceof SingleMemberAnnotationExpr single) {
      return name.equals("value") ? Optional.of(single.getMemberValue()) : Optional.empty();
    }
    if (annotation instanceof NormalAnnotationExpr normal) {
      for (MemberValuePair pair : normal.getPairs()) {
        if (pair.getNameAsString().equals(name)) {
          return Optional.of(pair.getValue());
        }
      }
    }
    return Optional.empty();
  }

  private static List<Expression> flatten(Expression value) {
    if (value instanceof ArrayInitializerExpr array) {
      return List.copyOf(array.getValues());
    }
    return List.of(value);
  }
}
