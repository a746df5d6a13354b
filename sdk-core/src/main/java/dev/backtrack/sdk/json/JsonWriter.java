package dev.backtrack.sdk.json;

/**
 * A minimal streaming JSON writer into a {@link StringBuilder}.
 *
 * <p>Commas are inserted automatically. Strings are escaped per RFC 8259: quotes, backslashes and
 * every control character; a lone UTF-16 surrogate is replaced by U+FFFD so that the UTF-8 bytes
 * of the output are always valid. Not thread-safe; one writer per batch.
 */
public final class JsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final int MAX_DEPTH = 32;

  private final StringBuilder out;
  /** Per nesting level: whether the next value needs a leading comma. */
  private final boolean[] needsComma = new boolean[MAX_DEPTH];
  private int depth;
  private boolean afterName;

  /** Writes into a new builder of the given initial capacity in chars. */
  public JsonWriter(int initialCapacity) {
    this(new StringBuilder(initialCapacity));
  }

  /** Writes into {@code out}. */
  public JsonWriter(StringBuilder out) {
    this.out = out;
  }

  /** The JSON written so far. */
  public String toString() {
    return out.toString();
  }

  /** The builder written into. */
  public StringBuilder builder() {
    return out;
  }

  public JsonWriter beginObject() {
    beforeValue();
    out.append('{');
    push();
    return this;
  }

  public JsonWriter endObject() {
    pop();
    out.append('}');
    return this;
  }

  public JsonWriter beginArray() {
    beforeValue();
    out.append('[');
    push();
    return this;
  }

  public JsonWriter endArray() {
    pop();
    out.append(']');
    return this;
  }

  /** Writes a member name; the next call writes its value. */
  public JsonWriter name(String name) {
    if (depth == 0) {
      throw new IllegalStateException("a name needs an enclosing object");
    }
    if (needsComma[depth - 1]) {
      out.append(',');
    }
    needsComma[depth - 1] = true;
    writeString(name);
    out.append(':');
    afterName = true;
    return this;
  }

  /** Writes a string value, or {@code null} when {@code value} is null. */
  public JsonWriter value(String value) {
    beforeValue();
    if (value == null) {
      out.append("null");
    } else {
      writeString(value);
    }
    return this;
  }

  public JsonWriter value(long value) {
    beforeValue();
    out.append(value);
    return this;
  }

  public JsonWriter value(boolean value) {
    beforeValue();
    out.append(value);
    return this;
  }

  /** Writes a number; NaN and infinities, which JSON cannot express, are written as 0. */
  public JsonWriter value(double value) {
    beforeValue();
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      out.append('0');
    } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      out.append((long) value);
    } else {
      out.append(value);
    }
    return this;
  }

  public JsonWriter nullValue() {
    beforeValue();
    out.append("null");
    return this;
  }

  /** Shorthand: a member whose value is a string, skipped entirely when {@code value} is null. */
  public JsonWriter optional(String name, String value) {
    if (value != null) {
      name(name).value(value);
    }
    return this;
  }

  private void beforeValue() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (depth > 0) {
      if (needsComma[depth - 1]) {
        out.append(',');
      }
      needsComma[depth - 1] = true;
    }
  }

  private void push() {
    if (depth == MAX_DEPTH) {
      throw new IllegalStateException("nesting deeper than " + MAX_DEPTH);
    }
    needsComma[depth++] = false;
  }

  private void pop() {
    if (depth == 0) {
      throw new IllegalStateException("nothing to close");
    }
    depth--;
  }

  private void writeString(String s) {
    out.append('"');
    int len = s.length();
    int start = 0;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && c < '\u2028') {
        continue; // the common case: nothing to escape
      }
      if (Character.isHighSurrogate(c) && i + 1 < len
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++; // a valid pair
        continue;
      }
      boolean lone = Character.isSurrogate(c);
      if (!lone && c >= 0x20 && c != '"' && c != '\\' && c != '\u2028' && c != '\u2029') {
        continue;
      }
      out.append(s, start, i);
      if (lone) {
        out.append('\ufffd');
      } else {
        escape(c);
      }
      start = i + 1;
    }
    out.append(s, start, len);
    out.append('"');
  }

  private void escape(char c) {
    switch (c) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      default -> out.append("\\u")
          .append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
          .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }
  }
}
