package dev.backtrack.sdk.sql;

/**
 * Turns a SQL statement into its template, so that statements differing only in their values
 * collapse into one.
 *
 * <p>In one pass over the chars, without regular expressions:
 * <ul>
 *   <li>string literals ({@code 'a''b'}, {@code X'1F'}, {@code $$..$$}), numbers (incl. hex and
 *       decimals), and bind markers ({@code ?}, {@code $1}, {@code :name}) become {@code ?};</li>
 *   <li>comments are removed, whitespace collapsed, everything outside literals and quoted
 *       identifiers lower-cased ({@code true}, {@code false}, {@code null} stay as words);</li>
 *   <li>spacing is canonical: none after {@code (} or before {@code ,} / {@code )}, one after
 *       {@code ,}, one around operators;</li>
 *   <li>a parenthesized list of markers {@code (?, ?, ?)} becomes {@code (?)}, and repeated
 *       {@code (?), (?)} tuples (multi-row {@code VALUES}) become one {@code (?)}.</li>
 * </ul>
 * The result never exceeds the input by more than a few chars; the caller cuts long text.
 */
public final class SqlNormalizer {
  private SqlNormalizer() {}

  /** The template of {@code sql}; an empty string for null. */
  public static String normalize(String sql) {
    if (sql == null) {
      return "";
    }
    return new Pass(sql).run();
  }

  private static final class Pass {
    private final String in;
    private final int n;
    private final StringBuilder out;
    private boolean space;

    Pass(String in) {
      this.in = in;
      this.n = in.length();
      this.out = new StringBuilder(Math.min(n, 8192) + 8);
    }

    String run() {
      int i = 0;
      while (i < n) {
        char c = in.charAt(i);
        char next = i + 1 < n ? in.charAt(i + 1) : '\0';
        if (c <= ' ') {
          space = true;
          i++;
        } else if (c == '-' && next == '-') {
          i = skipLineComment(i);
        } else if (c == '/' && next == '*') {
          i = skipBlockComment(i);
        } else if (c == '\'') {
          i = skipQuoted(i, '\'');
          marker();
        } else if (c == '"' || c == '`') {
          int end = skipQuoted(i, c);
          token(in.substring(i, end));
          i = end;
        } else if (c == '$') {
          i = dollar(i, next);
        } else if (isDigit(c) || (c == '.' && isDigit(next))) {
          i = skipNumber(i);
          marker();
        } else if (isIdentStart(c)) {
          i = word(i);
        } else if (c == '?') {
          marker();
          i++;
        } else if (c == ':' && isIdentStart(next) && (i == 0 || in.charAt(i - 1) != ':')) {
          i = skipIdent(i + 1);
          marker();
        } else {
          i = punctuation(i, c);
        }
      }
      int len = out.length();
      while (len > 0 && out.charAt(len - 1) == ';') {
        len--;
      }
      out.setLength(len);
      return out.toString();
    }

    private int skipLineComment(int i) {
      while (i < n && in.charAt(i) != '\n') {
        i++;
      }
      space = true;
      return i;
    }

    private int skipBlockComment(int i) {
      int end = in.indexOf("*/", i + 2);
      space = true;
      return end < 0 ? n : end + 2;
    }

    /** Index after the closing quote; a doubled quote is an escaped one. */
    private int skipQuoted(int i, char quote) {
      i++;
      while (i < n) {
        if (in.charAt(i) == quote) {
          if (i + 1 < n && in.charAt(i + 1) == quote) {
            i += 2;
            continue;
          }
          return i + 1;
        }
        i++;
      }
      return n;
    }

    /** {@code $1} markers and {@code $tag$...$tag$} strings become {@code ?}. */
    private int dollar(int i, char next) {
      if (isDigit(next)) {
        int j = i + 1;
        while (j < n && isDigit(in.charAt(j))) {
          j++;
        }
        marker();
        return j;
      }
      int tagEnd = i + 1;
      while (tagEnd < n && isIdentPart(in.charAt(tagEnd)) && in.charAt(tagEnd) != '$') {
        tagEnd++;
      }
      if (tagEnd < n && in.charAt(tagEnd) == '$') {
        String tag = in.substring(i, tagEnd + 1);
        int close = in.indexOf(tag, tagEnd + 1);
        marker();
        return close < 0 ? n : close + tag.length();
      }
      token("$");
      return i + 1;
    }

    private int skipNumber(int i) {
      char c = in.charAt(i);
      if (c == '0' && i + 1 < n && (in.charAt(i + 1) == 'x' || in.charAt(i + 1) == 'X')) {
        i += 2;
        while (i < n && Character.digit(in.charAt(i), 16) >= 0) {
          i++;
        }
        return i;
      }
      while (i < n) {
        c = in.charAt(i);
        if (isDigit(c) || c == '.') {
          i++;
        } else if ((c == 'e' || c == 'E') && i + 1 < n
            && (isDigit(in.charAt(i + 1)) || in.charAt(i + 1) == '-'
                || in.charAt(i + 1) == '+')) {
          i += 2;
        } else {
          return i;
        }
      }
      return i;
    }

    private int skipIdent(int i) {
      while (i < n && isIdentPart(in.charAt(i))) {
        i++;
      }
      return i;
    }

    private int word(int i) {
      int end = skipIdent(i);
      if (end == i + 1 && end < n && in.charAt(end) == '\'' && isLiteralPrefix(in.charAt(i))) {
        int close = skipQuoted(end, '\'');
        marker();
        return close;
      }
      beforeToken();
      for (int k = i; k < end; k++) {
        char c = in.charAt(k);
        out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32)
            : c < 128 ? c : Character.toLowerCase(c));
      }
      return end;
    }

    private int punctuation(int i, char c) {
      switch (c) {
        case ',' -> {
          out.append(',');
          space = true;
          return i + 1;
        }
        case '(' -> {
          if (endsWithWord("in") || endsWithWord("values")) {
            space = true; // "in(" and "in (" are the same template
          }
          token("(");
          return i + 1;
        }
        case ')' -> {
          out.append(')');
          space = false;
          collapseList();
          return i + 1;
        }
        case '.' -> {
          out.append('.');
          space = false;
          return i + 1;
        }
        case ';' -> {
          out.append(';');
          space = true;
          return i + 1;
        }
        default -> {
          int end = i;
          while (end < n && isOperator(in.charAt(end))
              && !(in.charAt(end) == '-' && end + 1 < n && in.charAt(end + 1) == '-')
              && !(in.charAt(end) == '/' && end + 1 < n && in.charAt(end + 1) == '*')) {
            end++;
          }
          if (end == i) {
            end = i + 1; // any other char: copied as it is
          }
          space = true;
          token(in.substring(i, end));
          space = true;
          return end;
        }
      }
    }

    private void marker() {
      token("?");
    }

    private void token(String text) {
      beforeToken();
      out.append(text);
    }

    private void beforeToken() {
      int len = out.length();
      if (space && len > 0) {
        char last = out.charAt(len - 1);
        if (last != '(' && last != '.' && last != ' ') {
          out.append(' ');
        }
      }
      space = false;
    }

    private boolean endsWithWord(String word) {
      int len = out.length();
      int start = len - word.length();
      return start >= 0 && out.indexOf(word, start) == start
          && (start == 0 || !isIdentPart(out.charAt(start - 1)));
    }

    /** {@code (?, ?, ?)} → {@code (?)}, then {@code (?), (?)} → {@code (?)}. */
    private void collapseList() {
      int close = out.length() - 1;
      int k = close - 1;
      int markers = 0;
      while (k >= 0 && out.charAt(k) == '?') {
        markers++;
        k--;
        if (k >= 1 && out.charAt(k) == ' ' && out.charAt(k - 1) == ',') {
          k -= 2;
        } else {
          break;
        }
      }
      if (markers == 0 || k < 0 || out.charAt(k) != '(') {
        return;
      }
      if (markers > 1) {
        out.setLength(k + 1);
        out.append("?)");
      }
      int len = out.length();
      if (len >= 8 && out.substring(len - 8).equals("(?), (?)")) {
        out.setLength(len - 5);
      }
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
          || (c >= 128 && Character.isLetter(c));
    }

    private static boolean isIdentPart(char c) {
      return isIdentStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isLiteralPrefix(char c) {
      return c == 'x' || c == 'X' || c == 'b' || c == 'B' || c == 'n' || c == 'N'
          || c == 'e' || c == 'E';
    }

    private static boolean isOperator(char c) {
      return c == '=' || c == '<' || c == '>' || c == '!' || c == '+' || c == '-' || c == '*'
          || c == '/' || c == '%' || c == '|' || c == '&' || c == '^' || c == '~' || c == ':'
          || c == '@' || c == '#';
    }
  }
}
