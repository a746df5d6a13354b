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
  /** "00", "01" ... "99" back to back. */
  private static final byte[] DIGIT_PAIRS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
      DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

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

  /**
   * Copies the bytes written so far, from index {@code from} on, into {@code target} at
   * {@code at}.
   *
   * @return the index in {@code target} after the last byte copied
   */
  public int copyTo(byte[] target, int at, int from) {
    int length = size - from;
    System.arraycopy(out, from, target, at, length);
    return at + length;
  }

  /** Bytes written so far. */
  public int size() {
    return size;
  }

  /** Forgets everything written, keeping the buffer for what comes next unless it is huge. */
  public void reset() {
    if (out.length > 4 << 20) {
      out = new byte[64 * 1024]; // one outsized batch need not stay on the heap for good
    }
    size = 0;
    depth = 0;
    afterName = false;
  }

  /** Writes the JSON value {@code other} holds, as it is: it must be one complete value. */
  public JsonWriter raw(JsonWriter other) {
    beforeValue();
    ensure(other.size);
    System.arraycopy(other.out, 0, out, size, other.size);
    size += other.size;
    return this;
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

  /**
   * Writes a member name encoded beforehand; the next call writes its value. The encoder's
   * names are the same for every event, so they are escaped once instead of per event.
   */
  public JsonWriter name(Name name) {
    if (depth == 0) {
      throw new IllegalStateException("a name needs an enclosing object");
    }
    byte[] encoded = name.encoded;
    ensure(encoded.length + 1L);
    if (needsComma[depth - 1]) {
      out[size++] = ',';
    }
    needsComma[depth - 1] = true;
    System.arraycopy(encoded, 0, out, size, encoded.length);
    size += encoded.length;
    afterName = true;
    return this;
  }

  /** Shorthand: a member whose value is a string, skipped entirely when {@code value} is null. */
  public JsonWriter optional(Name name, String value) {
    if (value != null) {
      name(name).value(value);
    }
    return this;
  }

  /** A member name with its quotes and colon as UTF-8, ready to be copied into any writer. */
  public static final class Name {
    private final byte[] encoded;

    private Name(byte[] encoded) {
      this.encoded = encoded;
    }

    public static Name of(String name) {
      JsonWriter w = new JsonWriter(name.length() + 3);
      w.writeString(name);
      w.put(':');
      return new Name(w.toBytes());
    }
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

  /** Writes the 32 lower-case hex digits of a 128-bit number as a string. */
  public JsonWriter hexValue(long high, long low) {
    beforeValue();
    ensure(34);
    byte[] b = out;
    int at = size;
    b[at] = '"';
    for (int i = 16; i >= 1; i--) {
      b[at + i] = HEX[(int) (high & 0xF)];
      b[at + 16 + i] = HEX[(int) (low & 0xF)];
      high >>>= 4;
      low >>>= 4;
    }
    b[at + 33] = '"';
    size = at + 34;
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

  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): see below
  private void writeString(String s) {
    int len = s.length();
    // the worst case, every char a six-byte escape, so the loops below need no checks
    ensure(6L * len + 2);
    byte[] b = out;
    int at = size;
    b[at++] = '"';
    // Ids, routes and methods are printable ASCII throughout: once checked, such a prefix is
    // copied in one go (for a Latin-1 string an array copy), not byte by byte.
    int plain = 0;
    while (plain < len && isPlainAscii(s.charAt(plain))) {
      plain++;
    }
    s.getBytes(0, plain, b, at);
    at += plain;
    for (int i = plain; i < len; i++) {
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

  /** Printable ASCII that needs no escape. */
  private static boolean isPlainAscii(char c) {
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
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
    int at = size + digits(value);
    size = at;
    // two digits per division: timestamps have 13
    while (value >= 100) {
      int pair = (int) (value % 100) * 2;
      value /= 100;
      out[--at] = DIGIT_PAIRS[pair + 1];
      out[--at] = DIGIT_PAIRS[pair];
    }
    if (value >= 10) {
      out[--at] = DIGIT_PAIRS[(int) value * 2 + 1];
      out[--at] = DIGIT_PAIRS[(int) value * 2];
    } else {
      out[--at] = (byte) ('0' + value);
    }
  }

  /** Decimal digits of {@code value} >= 0. */
  private static int digits(long value) {
    long bound = 10;
    for (int digits = 1; digits < 19; digits++) {
      if (value < bound) {
        return digits;
      }
      bound *= 10;
    }
    return 19;
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
