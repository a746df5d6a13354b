package dev.backtrack.scanner.ast;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import dev.backtrack.scanner.source.UnreadableSourceException;

/** Parses Java source text; safe to call from many threads at once. */
public final class JavaFileParser {
  // JavaParser instances keep lexer state, so each scanning thread gets its own.
  private static final ThreadLocal<JavaParser> PARSER =
      ThreadLocal.withInitial(() -> new JavaParser(configuration()));

  private JavaFileParser() {}

  /** Parses {@code source}, or explains in one line why it does not parse. */
  public static CompilationUnit parse(String source) throws UnreadableSourceException {
    ParseResult<CompilationUnit> result;
    try {
      result = PARSER.get().parse(source);
    } catch (RuntimeException | StackOverflowError e) {
      // A pathological file must not take the whole scan down with it.
      throw new UnreadableSourceException("does not parse: " + e.getClass().getSimpleName());
    }
    if (result.isSuccessful() && result.getResult().isPresent()) {
      return result.getResult().get();
    }
    String why =
        result.getProblems().stream().findFirst().map(JavaFileParser::describe).orElse("unknown");
    throw new UnreadableSourceException("does not parse: " + why);
  }

  private static String describe(Problem problem) {
    String where =
        problem
            .getLocation()
            .flatMap(tokens -> tokens.getBegin().getRange())
            .map(range -> "line " + range.begin.line + ": ")
            .orElse("");
    // JavaParser lists every token it would have accepted; the first clause is the useful part.
    String message = problem.getMessage().replaceAll("\\s+", " ").trim();
    int expected = message.indexOf(", expected");
    return where + (expected < 0 ? message : message.substring(0, expected));
  }

  private static ParserConfiguration configuration() {
    // RAW: the grammar of the newest Java without the per-version validators. We read
    // routes, we do not compile, and validation costs about a third of the parse time.
    return new ParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
        .setAttributeComments(false);
  }
}
