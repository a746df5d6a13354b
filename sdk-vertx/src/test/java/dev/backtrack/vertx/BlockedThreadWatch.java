package dev.backtrack.vertx;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures the warnings Vert.x logs (through JUL) when an event loop is blocked too long. */
final class BlockedThreadWatch extends Handler implements AutoCloseable {
  private final Logger logger = Logger.getLogger("io.vertx");
  private final List<String> warnings = new CopyOnWriteArrayList<>();

  BlockedThreadWatch() {
    logger.addHandler(this);
  }

  @Override
  public void publish(LogRecord record) {
    String message = String.valueOf(record.getMessage());
    if (record.getLevel().intValue() >= Level.WARNING.intValue()
        && message.contains("has been blocked")) {
      warnings.add(record.getLoggerName() + ": " + message);
    }
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
