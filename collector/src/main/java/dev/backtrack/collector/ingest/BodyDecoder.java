package dev.backtrack.collector.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/** Undoes the body's {@code Content-Encoding} within the size limits, and checks UTF-8. */
final class BodyDecoder {
  /** The largest body accepted as sent, in bytes. */
  static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
  /** The largest body accepted after gzip decoding, in bytes. */
  static final int MAX_DECODED_BYTES = 32 * 1024 * 1024;

  private BodyDecoder() {}

  /** The decoded bytes with their length (the array may be longer). */
  record Decoded(byte[] bytes, int length) {}

  /**
   * Inflates a gzip body, stopping as soon as the output would pass
   * {@link #MAX_DECODED_BYTES}: a small bomb never grows into a large allocation.
   *
   * @throws BadInputException 413 when too large, 400 when not valid gzip
   */
  static Decoded gunzip(byte[] body) {
    byte[] out = new byte[Math.min(MAX_DECODED_BYTES, Math.max(1024, body.length * 8))];
    int length = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 16 * 1024)) {
      while (true) {
        if (length == out.length) {
          if (length >= MAX_DECODED_BYTES) {
            if (in.read() < 0) {
              break;
            }
            throw new BadInputException(413, "body exceeds " + MAX_DECODED_BYTES
                + " bytes after gzip decoding", "body");
          }
          out = Arrays.copyOf(out, (int) Math.min(MAX_DECODED_BYTES, 2L * out.length));
        }
        int read = in.read(out, length, out.length - length);
        if (read < 0) {
          break;
        }
        length += read;
      }
    } catch (IOException e) {
      throw BadInputException.badRequest("body is not valid gzip: " + e.getMessage(), "body");
    }
    return new Decoded(out, length);
  }

  /**
   * Checks that the bytes are well-formed UTF-8 (no overlong forms, no surrogates), which
   * the JSON parser alone does not fully enforce.
   *
   * @throws BadInputException 400 naming the byte offset of the first bad sequence
   */
  static void requireUtf8(byte[] bytes, int length) {
    int ascii = 0;
    while (ascii < length && bytes[ascii] >= 0) {
      ascii++;
    }
    if (ascii == length) {
      return; // The usual case: pure ASCII needs no decoder.
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, ascii, length - ascii);
    CharBuffer out = CharBuffer.allocate(8 * 1024);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        throw BadInputException.badRequest(
            "body is not valid UTF-8 at byte " + in.position(), "body");
      }
      if (result.isUnderflow()) {
        break;
      }
      out.clear();
    }
    CoderResult end = decoder.flush(out);
    if (end.isError()) {
      throw BadInputException.badRequest("body is not valid UTF-8 at its end", "body");
    }
  }
}
