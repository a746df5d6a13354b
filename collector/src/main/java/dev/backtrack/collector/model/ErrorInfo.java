package dev.backtrack.collector.model;

/**
 * The exception a request ended with. {@code fingerprint} groups the same bug from the same
 * place; when the SDK sent none, the exception type stands in for it.
 */
public record ErrorInfo(String type, String message, String fingerprint, String stack) {}
