package dev.backtrack.collector.ingest;

/**
 * Shared instances of the short texts that repeat on every event (services, methods, routes,
 * SQL templates, hosts), made from the parser's characters without a new string when the text
 * was seen before. Besides saving the copy, a shared instance keeps its hash code, so every map
 * the event is looked up in later skips hashing and comparing it again.
 *
 * <p>A fixed table where a newcomer replaces the entry in its slot: memory stays bounded, and a
 * collision costs only a miss. Safe across threads without locks because strings are immutable:
 * a reader sees either the old entry or the new one, and both are correct answers.
 */
final class NameCache {
  private static final int SLOTS = 8192;
  /** Longer texts are rare enough per event, and costly to compare, to be left out. */
  private static final int MAX_LENGTH = 256;

  private final String[] slots = new String[SLOTS];

  /** The text of {@code chars[offset, offset + length)}, shared when seen before. */
  String get(char[] chars, int offset, int length) {
    if (length > MAX_LENGTH) {
      return new String(chars, offset, length);
    }
    int hash = 0;
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + chars[i];
    }
    // Same as String.hashCode, so the slot spreads exactly as hash maps would.
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    String cached = slots[slot];
    if (cached != null && sameText(cached, chars, offset, length)) {
      return cached;
    }
    String text = new String(chars, offset, length);
    slots[slot] = text;
    return text;
  }

  private static boolean sameText(String text, char[] chars, int offset, int length) {
    if (text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (text.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }
}
