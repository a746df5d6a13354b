package dev.backtrack.collector.model;

/**
 * A process's state at one moment.
 *
 * @param tsMillis ms since the epoch
 * @param cpuPercent process CPU in percent of one core
 * @param rssBytes resident memory in bytes
 * @param inFlight requests being served
 * @param dropped events the SDK dropped since it started
 */
public record Heartbeat(
    long tsMillis, double cpuPercent, long rssBytes, int inFlight, long dropped) {}
