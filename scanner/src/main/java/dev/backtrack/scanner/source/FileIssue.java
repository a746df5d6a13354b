package dev.backtrack.scanner.source;

/**
 * A file the scan had to skip, and why.
 *
 * @param file path relative to the scanned root, {@code /} separators
 * @param message a sentence for a human
 */
public record FileIssue(String file, String message) {}
