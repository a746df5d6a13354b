package dev.backtrack.sdk.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  private static String str(String value) {
    return new JsonWriter(16).value(value).toString();
  }

  @Test
  void writesNestedStructuresWithCommas() {
    String json = new JsonWriter(64).beginObject()
        .name("a").value(1)
        .name("b").beginArray().value(true).nullValue().value("x").endArray()
        .name("c").beginObject().endObject()
        .name("d").value(2.5)
        .endObject().toString();
    assertThat(json).isEqualTo("{\"a\":1,\"b\":[true,null,\"x\"],\"c\":{},\"d\":2.5}");
  }

  @Test
  void escapesQuotesBackslashesAndControlChars() {
    assertThat(str("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(str("line\nnext\ttab\r\b\f")).isEqualTo("\"line\\nnext\\ttab\\r\\b\\f\"");
    assertThat(str("\u0000\u001f")).isEqualTo("\"\\u0000\\u001f\"");
    assertThat(str("\u2028")).isEqualTo("\"\\u2028\"");
  }

  @Test
  void keepsValidSurrogatePairsAndReplacesLoneOnes() {
    String emoji = "\uD83D\uDE00";
    assertThat(str("x" + emoji)).isEqualTo("\"x" + emoji + "\"");
    assertThat(str("a\uD800b")).isEqualTo("\"a\uFFFDb\"");
    assertThat(str("a\uDC00")).isEqualTo("\"a\uFFFD\"");
    assertThat(str("\uD800")).isEqualTo("\"\uFFFD\"");
    // the UTF-8 bytes decode back to the same text: nothing was lost in encoding
    String out = str("a\uD800b");
    assertThat(new String(out.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .isEqualTo(out);
  }

  @Test
  void roundTripsArbitraryStringsThroughAParser() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x300; c++) {
      all.append(c);
    }
    String json = new JsonWriter(64).beginObject().name("s").value(all.toString()).endObject()
        .toString();
    assertThat(TinyJson.object(json).get("s")).isEqualTo(all.toString());
  }

  @Test
  void writesTheSameUtf8BytesAsTheJdkEncoder() {
    String text = "plain é € 中文 \uD83D\uDE00 end";
    byte[] written = new JsonWriter(4).value(text).toBytes();
    assertThat(written).isEqualTo(("\"" + text + "\"").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void writesWholeNumbersOfEverySize() {
    for (long n : new long[] {0, 7, -7, 1_000_000_007L, Long.MAX_VALUE, Long.MIN_VALUE}) {
      assertThat(new JsonWriter(1).value(n).toString()).isEqualTo(Long.toString(n));
    }
    // every digit count, at both of its edges
    for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) {
      for (long n : new long[] {p - 1, p, p * 10 - 1, -p, -(p * 10 - 1)}) {
        assertThat(new JsonWriter(1).value(n).toString()).isEqualTo(Long.toString(n));
      }
    }
  }

  @Test
  void writes128BitNumbersAsThirtyTwoHexDigits() {
    assertThat(new JsonWriter(1).hexValue(0, 1).toString())
        .isEqualTo("\"00000000000000000000000000000001\"");
    assertThat(new JsonWriter(1).beginArray().hexValue(-1, 0x0123456789abcdefL).value(1)
        .endArray().toString())
        .isEqualTo("[\"ffffffffffffffff0123456789abcdef\",1]");
  }

  @Test
  void writesEncodedNamesLikePlainOnes() {
    JsonWriter.Name quoted = JsonWriter.Name.of("a\"é");
    String json = new JsonWriter(4).beginObject()
        .name(JsonWriter.Name.of("ts")).value(1)
        .name(quoted).value("x")
        .optional(JsonWriter.Name.of("absent"), null)
        .name("c").value(2)
        .endObject().toString();
    assertThat(json).isEqualTo("{\"ts\":1,\"a\\\"é\":\"x\",\"c\":2}");
    assertThatThrownBy(() -> new JsonWriter(8).name(quoted))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void copiesAPlainPrefixAndEscapesWhatFollows() {
    assertThat(str("abc/{id}-9\"q")).isEqualTo("\"abc/{id}-9\\\"q\"");
    assertThat(str("ascii then é")).isEqualTo("\"ascii then é\"");
    assertThat(str("")).isEqualTo("\"\"");
  }

  @Test
  void writesNonFiniteNumbersAsZero() {
    assertThat(new JsonWriter(8).value(Double.NaN).toString()).isEqualTo("0");
    assertThat(new JsonWriter(8).value(3.0).toString()).isEqualTo("3");
  }

  @Test
  void rejectsANameOutsideAnObject() {
    assertThatThrownBy(() -> new JsonWriter(8).name("x"))
        .isInstanceOf(IllegalStateException.class);
  }
}
