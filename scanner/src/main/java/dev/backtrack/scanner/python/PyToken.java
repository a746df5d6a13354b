package dev.backtrack.scanner.python;

/**
 * One lexical token of Python source.
 *
 * @param kind what the token is
 * @param text the name, the operator, or the decoded value of a string literal
 * @param line 1-based line where the token starts
 */
record PyToken(Kind kind, String text, int line) {
  enum Kind {
    NAME,
    STRING,
    NUMBER,
    OP,
    /** End of a logical line: a newline outside brackets. */
    NEWLINE,
    END
  }

  boolean is(Kind k, String t) {
    return kind == k && text.equals(t);
  }

  boolean isOp(String t) {
    return is(Kind.OP, t);
  }

  boolean isName(String t) {
    return is(Kind.NAME, t);
  }
}
