package dev.backtrack.collector.storage;

import dev.backtrack.collector.model.SqlTiming;
import java.util.List;

/**
 * Writes the {@code db_slowest} column: a JSON array of {@code {"sql": …, "us": …}}. Written by
 * hand because it runs once per stored event and a general JSON mapper costs more than the
 * insert itself.
 */
final class SlowestJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private SlowestJson() {}

  /** The JSON text, or null when there are no statements (the column stays NULL). */
  static String of(List<SqlTiming> slowest) {
    if (slowest.isEmpty()) {
      return null;
    }
    StringBuilder json = new StringBuilder(64 * slowest.size());
    json.append('[');
    for (int i = 0; i < slowest.size(); i++) {
      SqlTiming timing = slowest.get(i);
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"sql\":");
      appendString(json, timing.sql());
      json.append(",\"us\":").append(timing.micros()).append('}');
    }
    return json.append(']').toString();
  }

  static void appendString(StringBuilder json, String value) {
    json.append('"');
    int plain = plainPrefix(value);
    // SQL text rarely needs escaping: copy the whole run in one call.
    json.append(value, 0, plain);
    for (int i = plain; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }

  /** The length of the leading part of {@code value} that needs no escaping. */
  private static int plainPrefix(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return i;
      }
    }
    return value.length();
  }
}
