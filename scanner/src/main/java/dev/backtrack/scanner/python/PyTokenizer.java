package dev.backtrack.scanner.python;

import dev.backtrack.scanner.python.PyToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits Python source into the tokens route discovery needs: names, decoded string literals
 * (all prefixes and triple quotes), numbers, operators and logical line ends. Comments and
 * indentation are dropped. Never fails: anything unexpected becomes a one-character operator.
 */
final class PyTokenizer {
  private final String src;
  private final List<PyToken> tokens = new ArrayList<>();
  private int pos;
  private int line = 1;
  private int depth;

  private PyTokenizer(String src) {
    this.src = src;
  }

  static List<PyToken> tokenize(String source) {
    PyTokenizer tokenizer = new PyTokenizer(source);
    tokenizer.run();
    return tokenizer.tokens;
  }

  private void run() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\n') {
        if (depth == 0) {
          add(Kind.NEWLINE, "\n", line);
        }
        line++;
        pos++;
      } else if (c == '#') {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
        pos += 2; // explicit line continuation
        line++;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (Character.isJavaIdentifierStart(c)) {
        readNameOrString();
      } else if (c == '"' || c == '\'') {
        readString("");
      } else if (Character.isDigit(c)) {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos))
            || src.charAt(pos) == '.' || src.charAt(pos) == '_')) {
          pos++;
        }
        add(Kind.NUMBER, src.substring(start, pos), line);
      } else {
        if ("([{".indexOf(c) >= 0) {
          depth++;
        } else if (")]}".indexOf(c) >= 0 && depth > 0) {
          depth--;
        }
        add(Kind.OP, String.valueOf(c), line);
        pos++;
      }
    }
    add(Kind.NEWLINE, "\n", line);
    add(Kind.END, "", line);
  }

  private void readNameOrString() {
    int start = pos;
    while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) {
      pos++;
    }
    String name = src.substring(start, pos);
    boolean prefix = name.length() <= 2 && name.chars().allMatch(ch -> "rRbBuUfF".indexOf(ch) >= 0);
    if (prefix && pos < src.length() && (src.charAt(pos) == '"' || src.charAt(pos) == '\'')) {
      readString(name.toLowerCase());
    } else {
      add(Kind.NAME, name, line);
    }
  }

  private void readString(String prefix) {
    int startLine = line;
    char quote = src.charAt(pos);
    boolean triple = src.startsWith(String.valueOf(quote).repeat(3), pos);
    pos += triple ? 3 : 1;
    boolean raw = prefix.contains("r");
    StringBuilder value = new StringBuilder();
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\\' && pos + 1 < src.length()) {
        char next = src.charAt(pos + 1);
        if (next == '\n') {
          line++;
        }
        if (raw) {
          value.append(c).append(next);
        } else {
          value.append(unescape(next));
        }
        pos += 2;
        continue;
      }
      if (c == quote && (!triple || src.startsWith(String.valueOf(quote).repeat(3), pos))) {
        pos += triple ? 3 : 1;
        break;
      }
      if (c == '\n') {
        line++;
        if (!triple) {
          pos++;
          break; // unterminated literal: stop at the end of its line
        }
      }
      value.append(c);
      pos++;
    }
    add(Kind.STRING, value.toString(), startLine);
  }

  private static String unescape(char c) {
    return switch (c) {
      case 'n' -> "\n";
      case 't' -> "\t";
      case '\n' -> "";
      case '\\', '\'', '"' -> String.valueOf(c);
      default -> "\\" + c;
    };
  }

  private void add(Kind kind, String text, int at) {
    tokens.add(new PyToken(kind, text, at));
  }
}
