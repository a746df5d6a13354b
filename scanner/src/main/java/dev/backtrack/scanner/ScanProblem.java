package dev.backtrack.scanner;

/** A file the scanner could not read or parse; the scan went on without it. */
public record ScanProblem(String file, String message) {}
