package dev.backtrack.sdk.report;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip at the fastest level, with one deflater and one output buffer kept from batch to batch.
 * A new {@code GZIPOutputStream} per batch set up and tore down zlib's tables (a few hundred
 * kilobytes of native memory, partly cleared on every set-up) and copied its output twice; in
 * the application's process, under load, that is a batch every few tens of milliseconds.
 * Batches repeat the same names over and over, so the fastest level still shrinks them several
 * times over. Not thread-safe.
 */
final class Gzip {
  /** Magic, deflate, no flags, no time, fastest, unknown OS (RFC 1952). */
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 4, (byte) 0xff};
  /** An output buffer grown past this for one big batch is not kept. */
  private static final int KEPT_BYTES = 1 << 20;

  private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
  private final CRC32 crc = new CRC32();
  private byte[] out = new byte[64 * 1024];
  private int size;

  /**
   * Compresses the first {@code length} bytes of {@code data}; the result is {@link #bytes()}
   * up to {@link #size()}.
   */
  void compress(byte[] data, int length) {
    if (out.length > KEPT_BYTES) {
      out = new byte[64 * 1024];
    }
    deflater.reset();
    deflater.setInput(data, 0, length);
    deflater.finish();
    crc.reset();
    crc.update(data, 0, length);
    System.arraycopy(HEADER, 0, out, 0, HEADER.length);
    size = HEADER.length;
    while (!deflater.finished()) {
      if (size == out.length) {
        out = Arrays.copyOf(out, 2 * out.length);
      }
      size += deflater.deflate(out, size, out.length - size);
    }
    if (out.length - size < 8) {
      out = Arrays.copyOf(out, size + 8);
    }
    putIntLittleEndian((int) crc.getValue());
    putIntLittleEndian(length); // ISIZE: the length modulo 2^32
  }

  /** The buffer holding the last result; valid until the next {@link #compress}. */
  byte[] bytes() {
    return out;
  }

  /** Bytes of the last result. */
  int size() {
    return size;
  }

  private void putIntLittleEndian(int v) {
    out[size++] = (byte) v;
    out[size++] = (byte) (v >>> 8);
    out[size++] = (byte) (v >>> 16);
    out[size++] = (byte) (v >>> 24);
  }
}
