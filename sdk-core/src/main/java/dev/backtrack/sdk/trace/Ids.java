package dev.backtrack.sdk.trace;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Creates and checks the ids carried in trace headers. */
final class Ids {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final int MAX_ID_CHARS = 128;

  private Ids() {}

  /**
   * Half of a new request id's bits. Not from {@code SecureRandom}: ids need to be unique, not
   * unguessable, and must never block. Two halves both 0 are no id (see {@link #hex}).
   */
  static long randomHalf() {
    return ThreadLocalRandom.current().nextLong();
  }

  /**
   * A request id from its 128 bits: 32 lower-case hex chars, which is also a valid W3C
   * trace-id (which must not be all zeros).
   */
  static String hex(long high, long low) {
    return new String(hexBytes(high, low), StandardCharsets.ISO_8859_1);
  }

  /** {@link #hex} as ASCII bytes. */
  static byte[] hexBytes(long high, long low) {
    byte[] out = new byte[32];
    for (int i = 15; i >= 0; i--) {
      out[i] = HEX[(int) (high & 0xF)];
      out[16 + i] = HEX[(int) (low & 0xF)];
      high >>>= 4;
      low >>>= 4;
    }
    return out;
  }

  /** {@code value} trimmed if it is a usable id (1-128 printable ASCII chars), else null. */
  static String clean(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    if (v.isEmpty() || v.length() > MAX_ID_CHARS) {
      return null;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return null; // could split a header or poison the dashboard; rather start fresh
      }
    }
    return v;
  }

  /** Whether {@code s} is exactly {@code len} lower-case hex chars and not all zeros. */
  static boolean isHex(String s, int len) {
    if (s == null || s.length() != len) {
      return false;
    }
    boolean nonZero = false;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      if (!digit && !(c >= 'a' && c <= 'f')) {
        return false;
      }
      nonZero |= c != '0';
    }
    return nonZero;
  }

  /** A W3C trace-id (32 hex) for a correlation id: itself when it is one, else a hash of it. */
  static String traceIdFor(String correlationId) {
    if (isHex(correlationId, 32)) {
      return correlationId;
    }
    return digestHex(correlationId, 32);
  }

  /** A W3C parent-id (16 hex) for a request id: its first 16 chars when hex, else a hash. */
  static String spanIdFor(String requestId) {
    if (requestId.length() >= 16 && isHex(requestId.substring(0, 16), 16)) {
      return requestId.substring(0, 16);
    }
    return digestHex(requestId, 16);
  }

  private static String digestHex(String s, int len) {
    UUID u = UUID.nameUUIDFromBytes(s.getBytes(StandardCharsets.UTF_8));
    return hex(u.getMostSignificantBits(), u.getLeastSignificantBits()).substring(0, len);
  }
}
