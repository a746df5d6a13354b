package dev.backtrack.sdk.event;

/**
 * The process's state at one moment.
 *
 * @param tsMillis milliseconds since the Unix epoch
 * @param cpuPct process CPU in percent of one core since the previous heartbeat
 * @param rssBytes resident memory in bytes (heap used where the OS does not say)
 * @param inFlight requests being served right now
 * @param dropped events dropped since the SDK started
 */
public record Heartbeat(long tsMillis, double cpuPct, long rssBytes, long inFlight,
    long dropped) {

  public Heartbeat {
    cpuPct = Double.isFinite(cpuPct) ? Math.max(0, cpuPct) : 0;
    rssBytes = Math.max(0, rssBytes);
    inFlight = Math.max(0, inFlight);
    dropped = Math.max(0, dropped);
  }
}
