package dev.backtrack.sdk.event;

import dev.backtrack.sdk.error.ErrorFingerprint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;

/**
 * The exception a request ended with.
 *
 * @param type exception class name, at most 256 chars
 * @param message exception message or null, at most 4,096 chars
 * @param fingerprint groups the same bug, see {@link ErrorFingerprint}
 * @param stack stack trace text, at most 65,536 chars
 */
public record ErrorInfo(String type, String message, String fingerprint, String stack) {
  /** Longest stack text sent, in chars. */
  public static final int MAX_STACK_CHARS = 65_536;

  public ErrorInfo {
    type = Text.cut(Objects.requireNonNull(type, "type"), 256);
    message = Text.cut(message, 4096);
    fingerprint = Text.cut(fingerprint, 64);
    stack = Text.cut(stack, MAX_STACK_CHARS);
  }

  /** Describes {@code error}: its class, message, fingerprint and stack text. */
  public static ErrorInfo of(Throwable error) {
    Objects.requireNonNull(error, "error");
    return new ErrorInfo(error.getClass().getName(), error.getMessage(),
        ErrorFingerprint.of(error), stackText(error));
  }

  private static String stackText(Throwable error) {
    StringWriter text = new StringWriter(2048);
    try (PrintWriter out = new PrintWriter(new LimitedWriter(text, MAX_STACK_CHARS))) {
      error.printStackTrace(out);
    } catch (RuntimeException stop) {
      // printStackTrace of a hostile exception may throw; what we have so far is enough.
    }
    return text.toString();
  }

  /** Stops copying once the limit is reached, so a huge trace costs no more than the limit. */
  private static final class LimitedWriter extends java.io.Writer {
    private final StringWriter target;
    private final int limit;

    LimitedWriter(StringWriter target, int limit) {
      this.target = target;
      this.limit = limit;
    }

    @Override
    public void write(char[] buf, int off, int len) {
      int room = limit - target.getBuffer().length();
      if (room > 0) {
        target.write(buf, off, Math.min(room, len));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
