package dev.backtrack.scanner;

import java.util.List;

/** What one scan of a source tree found. */
public record ScanResult(List<Endpoint> endpoints, List<ScanProblem> problems, int filesScanned) {}
