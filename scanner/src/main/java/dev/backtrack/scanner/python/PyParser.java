package dev.backtrack.scanner.python;

import dev.backtrack.scanner.python.PyNode.Call;
import dev.backtrack.scanner.python.PyNode.Name;
import dev.backtrack.scanner.python.PyNode.Other;
import dev.backtrack.scanner.python.PyNode.Seq;
import dev.backtrack.scanner.python.PyNode.Str;
import dev.backtrack.scanner.python.PyToken.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one Python expression from a token list: calls, names, strings, lists and tuples,
 * enough for {@code path("x/", include("app.urls"))} or {@code APIRouter(prefix="/x")}.
 * Unknown syntax is skipped up to the end of the expression and becomes {@link Other}.
 */
final class PyParser {
  private final List<PyToken> tokens;
  private int pos;

  PyParser(List<PyToken> tokens, int start) {
    this.tokens = tokens;
    this.pos = start;
  }

  /** Index of the first token after the last expression read. */
  int position() {
    return pos;
  }

  /** Parses the expression at the current position. */
  PyNode expression() {
    PyNode node = primary();
    while (peek().isOp("+")) {
      pos++;
      PyNode right = primary();
      node = node instanceof Str l && right instanceof Str r ? new Str(l.value() + r.value())
          : new Other();
    }
    // Conditional expressions, comparisons and the like: not a shape we read.
    while (!atExpressionEnd()) {
      skipOne();
      node = new Other();
    }
    return node;
  }

  private PyNode primary() {
    PyToken token = peek();
    PyNode node;
    if (token.kind() == Kind.STRING) {
      StringBuilder value = new StringBuilder();
      while (peek().kind() == Kind.STRING) {
        value.append(next().text());
      }
      node = new Str(value.toString());
    } else if (token.kind() == Kind.NAME) {
      node = new Name(next().text());
    } else if (token.isOp("[") || token.isOp("(")) {
      next();
      List<PyNode> items = items(token.isOp("[") ? "]" : ")");
      // "(x)" is x, "(x,)" and "[x]" are sequences.
      node = token.isOp("(") && items.size() == 1 && !at(pos - 2).isOp(",")
          ? items.get(0) : new Seq(items);
    } else if (token.kind() == Kind.END) {
      return new Other();
    } else {
      skipOne();
      node = new Other();
    }
    return trailers(node);
  }

  private PyNode trailers(PyNode node) {
    while (true) {
      PyToken token = peek();
      if (token.isOp(".") && at(pos + 1).kind() == Kind.NAME) {
        pos++;
        String attribute = next().text();
        node = node instanceof Name n ? new Name(n.dotted() + "." + attribute) : new Other();
      } else if (token.isOp("(")) {
        next();
        node = call(node, token.line());
      } else if (token.isOp("[")) {
        skipOne();
        node = new Other();
      } else {
        return node;
      }
    }
  }

  private PyNode call(PyNode callee, int line) {
    List<PyNode> args = new ArrayList<>();
    Map<String, PyNode> keywords = new LinkedHashMap<>();
    while (!peek().isOp(")") && peek().kind() != Kind.END) {
      if (peek().kind() == Kind.NAME && at(pos + 1).isOp("=")
          && !at(pos + 2).isOp("=")) {
        String key = next().text();
        pos++;
        keywords.put(key, expression());
      } else if (peek().isOp("*")) {
        pos++;
        expression();
      } else {
        args.add(expression());
      }
      if (peek().isOp(",")) {
        pos++;
      }
    }
    if (peek().isOp(")")) {
      pos++;
    }
    String name = callee instanceof Name n ? n.dotted() : "";
    return new Call(name, args, keywords, line);
  }

  private List<PyNode> items(String close) {
    List<PyNode> items = new ArrayList<>();
    while (!peek().isOp(close) && peek().kind() != Kind.END) {
      items.add(expression());
      if (peek().isOp(",")) {
        pos++;
      } else if (!peek().isOp(close)) {
        skipOne();
      }
    }
    if (peek().isOp(close)) {
      pos++;
    }
    return items;
  }

  private boolean atExpressionEnd() {
    PyToken token = peek();
    return token.kind() == Kind.END
        || token.kind() == Kind.NEWLINE
        || token.isOp(",") || token.isOp(")") || token.isOp("]") || token.isOp("}")
        || token.isOp(":") || token.isOp("=");
  }

  /** Skips one token, or a whole bracketed group. */
  private void skipOne() {
    PyToken token = next();
    String open = token.text();
    if (token.kind() != Kind.OP || "([{".indexOf(open.isEmpty() ? ' ' : open.charAt(0)) < 0) {
      return;
    }
    int depth = 1;
    while (depth > 0 && peek().kind() != Kind.END) {
      PyToken t = next();
      if (t.kind() == Kind.OP && "([{".contains(t.text())) {
        depth++;
      } else if (t.kind() == Kind.OP && ")]}".contains(t.text())) {
        depth--;
      }
    }
  }

  private PyToken at(int index) {
    return tokens.get(Math.max(0, Math.min(index, tokens.size() - 1)));
  }

  private PyToken peek() {
    return tokens.get(Math.min(pos, tokens.size() - 1));
  }

  private PyToken next() {
    PyToken token = peek();
    if (pos < tokens.size() - 1) {
      pos++;
    }
    return token;
  }
}
