package dev.backtrack.sdk.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal streaming JSON writer straight into UTF-8 bytes.
 *
 * <p>Commas are inserted automatically. Strings are escaped per RFC 8259: quotes, backslashes and
 * every control character; a lone UTF-16 surrogate is replaced by U+FFFD so that the output is
 * always valid UTF-8. Writing bytes directly, rather than text that is encoded afterwards, keeps
 * the reporter's work per event small: it runs in the application's process. Not thread-safe;
 * one writer per batch.
 */
public final class JsonWriter {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_DEPTH = 32;

  private byte[] out;
  private int size;
  /** Per nesting level: whether the next value needs a leading comma. */
  private final boolean[] needsComma = new boolean[MAX_DEPTH];
  private int depth;
  private boolean afterName;

  /** A writer whose buffer starts at the given capacity in bytes and grows as needed. */
  public JsonWriter(int initialCapacity) {
    this.out = new byte[Math.max(16, initialCapacity)];
  }

  /** The JSON written so far. */
  @Override
  public String toString() {
    return new String(out, 0, size, StandardCharsets.UTF_8);
  }

  /** The UTF-8 bytes written so far. */
  public byte[] toBytes() {
    return Arrays.copyOf(out, size);
  }

  public JsonWriter beginObject() {
    beforeValue();
    put('{');
    push();
    return this;
  }

  public JsonWriter endObject() {
    pop();
    put('}');
    return this;
  }

  public JsonWriter beginArray() {
    beforeValue();
    put('[');
    push();
    return this;
  }

  public JsonWriter endArray() {
    pop();
    put(']');
    return this;
  }

  /** Writes a member name; the next call writes its value. */
  public JsonWriter name(String name) {
    if (depth == 0) {
      throw new IllegalStateException("a name needs an enclosing object");
    }
    if (needsComma[depth - 1]) {
      put(',');
    }
    needsComma[depth - 1] = true;
    writeString(name);
    put(':');
    afterName = true;
    return this;
  }

  /** Writes a string value, or {@code null} when {@code value} is null. */
  public JsonWriter value(String value) {
    beforeValue();
    if (value == null) {
      putAscii("null");
    } else {
      writeString(value);
    }
    return this;
  }

  public JsonWriter value(long value) {
    beforeValue();
    putLong(value);
    return this;
  }

  public JsonWriter value(boolean value) {
    beforeValue();
    putAscii(value ? "true" : "false");
    return this;
  }

  /** Writes a number; NaN and infinities, which JSON cannot express, are written as 0. */
  public JsonWriter value(double value) {
    beforeValue();
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      put('0');
    } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      putLong((long) value);
    } else {
      putAscii(Double.toString(value));
    }
    return this;
  }

  public JsonWriter nullValue() {
    beforeValue();
    putAscii("null");
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
        put(',');
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
    int len = s.length();
    // the worst case, every char a six-byte escape, so the loop below needs no checks
    ensure(6L * len + 2);
    byte[] b = out;
    int at = size;
    b[at++] = '"';
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\') {
          b[at++] = (byte) c; // the common case: printable ASCII
        } else {
          at = escape(b, at, c);
        }
      } else if (c < 0x800) {
        b[at++] = (byte) (0xC0 | (c >> 6));
        b[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < len
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        b[at++] = (byte) (0xF0 | (cp >> 18));
        b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[at++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        at = putThreeBytes(b, at, '\ufffd'); // a lone half of a pair
      } else if (c == '\u2028' || c == '\u2029') {
        at = escape(b, at, c); // legal in JSON, but not in JavaScript source
      } else {
        at = putThreeBytes(b, at, c);
      }
    }
    b[at++] = '"';
    size = at;
  }

  private static int putThreeBytes(byte[] b, int at, char c) {
    b[at++] = (byte) (0xE0 | (c >> 12));
    b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
    b[at++] = (byte) (0x80 | (c & 0x3F));
    return at;
  }

  private static int escape(byte[] b, int at, char c) {
    b[at++] = '\\';
    switch (c) {
      case '"' -> b[at++] = '"';
      case '\\' -> b[at++] = '\\';
      case '\n' -> b[at++] = 'n';
      case '\r' -> b[at++] = 'r';
      case '\t' -> b[at++] = 't';
      case '\b' -> b[at++] = 'b';
      case '\f' -> b[at++] = 'f';
      default -> {
        b[at++] = 'u';
        b[at++] = HEX[(c >> 12) & 0xF];
        b[at++] = HEX[(c >> 8) & 0xF];
        b[at++] = HEX[(c >> 4) & 0xF];
        b[at++] = HEX[c & 0xF];
      }
    }
    return at;
  }

  private void putLong(long value) {
    if (value == Long.MIN_VALUE) {
      putAscii(Long.toString(value));
      return;
    }
    ensure(20);
    if (value < 0) {
      out[size++] = '-';
      value = -value;
    }
    int digits = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    int at = size + digits;
    size = at;
    do {
      out[--at] = (byte) ('0' + (value % 10));
      value /= 10;
    } while (value > 0);
  }

  private void putAscii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      out[size++] = (byte) s.charAt(i);
    }
  }

  private void put(char c) {
    ensure(1);
    out[size++] = (byte) c;
  }

  private void ensure(long more) {
    long needed = size + more;
    if (needed > out.length) {
      if (needed > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("JSON output over 2 GiB");
      }
      out = Arrays.copyOf(out, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 16,
          2L * out.length)));
    }
  }
}
