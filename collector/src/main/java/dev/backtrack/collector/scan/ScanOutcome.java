package dev.backtrack.collector.scan;

import dev.backtrack.scanner.ScanResult;

/**
 * One finished scan.
 *
 * @param prefix the scanned folder relative to the service's start root, "" for the root
 */
public record ScanOutcome(String service, String prefix, ScanResult result) {}
