package dev.backtrack.sdk.report;

import dev.backtrack.sdk.event.OutgoingCall;
import dev.backtrack.sdk.event.RequestEvent;
import java.time.Duration;

final class NoopReporter implements Reporter {
  static final NoopReporter INSTANCE = new NoopReporter();

  private NoopReporter() {}

  @Override
  public void record(RequestEvent event) {}

  @Override
  public void record(OutgoingCall call) {}

  @Override
  public long dropped() {
    return 0;
  }

  @Override
  public boolean flush(Duration timeout) {
    return true;
  }

  @Override
  public void close(Duration timeout) {}
}
