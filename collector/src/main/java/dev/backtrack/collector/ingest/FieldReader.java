package dev.backtrack.collector.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads one typed field value at the parser's current token and checks it against the
 * protocol's rule, naming the field in the error.
 */
final class FieldReader {
  private static final NameCache NAMES = new NameCache();

  private final JsonParser parser;
  private final JsonPath path;

  FieldReader(JsonParser parser, JsonPath path) {
    this.parser = parser;
    this.path = path;
  }

  JsonParser parser() {
    return parser;
  }

  JsonPath path() {
    return path;
  }

  /** True when the current value is JSON {@code null} (absent, for an optional field). */
  boolean isNull() {
    return parser.currentToken() == JsonToken.VALUE_NULL;
  }

  BadInputException error(String field, String message) {
    return BadInputException.badRequest(message, path.where(field));
  }

  long integer(String field, long min, long max) throws IOException {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw error(field, field + " must be an integer");
    }
    if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw error(field, field + " must be between " + min + " and " + max);
    }
    long value = parser.getLongValue();
    if (value < min || value > max) {
      throw error(field, field + " must be between " + min + " and " + max);
    }
    return value;
  }

  /** An integer that must be positive: a timestamp in ms since the epoch. */
  long timestamp(String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw error(field, field + " must be an integer");
    }
    if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
        || parser.getLongValue() <= 0) {
      throw error(field, field + " must be a positive number of milliseconds since the epoch");
    }
    return parser.getLongValue();
  }

  double number(String field, double min) throws IOException {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw error(field, field + " must be a number");
    }
    double value = parser.getDoubleValue();
    if (!(value >= min) || Double.isInfinite(value)) {
      throw error(field, field + " must be a finite number of at least " + (long) min);
    }
    return value;
  }

  boolean bool(String field) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (token == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw error(field, field + " must be true or false");
  }

  /** A string of {@code min} to {@code max} characters (Unicode code points). */
  String string(String field, int min, int max) throws IOException {
    expectString(field);
    return withLength(field, parser.getText(), min, max);
  }

  /**
   * As {@link #string}, for a text that repeats across events (a service, method, route, SQL
   * template or host): the instance returned is shared with earlier events that carried it.
   */
  String name(String field, int min, int max) throws IOException {
    expectString(field);
    String value = NAMES.get(parser.getTextCharacters(), parser.getTextOffset(),
        parser.getTextLength());
    return withLength(field, value, min, max);
  }

  private void expectString(String field) {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw error(field, field + " must be a string");
    }
  }

  private String withLength(String field, String value, int min, int max) {
    int length = value.length();
    // UTF-16 length is at least the code-point count: count code points only when needed.
    if (length > max) {
      length = value.codePointCount(0, value.length());
    }
    if (length < min || length > max) {
      throw error(field, min == 0
          ? field + " must be at most " + max + " characters"
          : field + " must be " + min + " to " + max + " characters");
    }
    return value;
  }

  /** An optional string: null when the value is JSON null. */
  String optionalString(String field, int max) throws IOException {
    return isNull() ? null : string(field, 0, max);
  }

  void expectObject(String field) {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw error(field, field + " must be an object");
    }
  }

  void expectArray(String field) {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw error(field, field + " must be an array");
    }
  }
}
