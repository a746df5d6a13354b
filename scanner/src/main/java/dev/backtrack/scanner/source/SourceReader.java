package dev.backtrack.scanner.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Reads source files as text, refusing the ones that cannot be source code. */
public final class SourceReader {
  /** Files above this size (2 MiB) are skipped: generated or data files, never hand routes. */
  public static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

  private static final int BINARY_PROBE_BYTES = 8192;

  private SourceReader() {}

  /** Reads {@code file} as UTF-8 text, or explains why it cannot be used. */
  public static String read(SourceFile file) throws UnreadableSourceException {
    byte[] bytes;
    try {
      long size = Files.size(file.path());
      if (size > MAX_FILE_BYTES) {
        throw new UnreadableSourceException(
            "skipped: " + size + " bytes is above the " + MAX_FILE_BYTES + "-byte limit");
      }
      bytes = Files.readAllBytes(file.path());
    } catch (IOException e) {
      throw new UnreadableSourceException("cannot read: " + describe(e));
    }
    if (looksBinary(bytes)) {
      throw new UnreadableSourceException("skipped: binary content");
    }
    return decode(bytes);
  }

  private static boolean looksBinary(byte[] bytes) {
    int limit = Math.min(bytes.length, BINARY_PROBE_BYTES);
    for (int i = 0; i < limit; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** UTF-8 first; a Latin-1 file still yields usable routes, so fall back instead of failing. */
  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
  }
}
