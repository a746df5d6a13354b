package dev.backtrack.collector.model;

/** A normalized SQL statement and how long one execution took, in microseconds. */
public record SqlTiming(String sql, long micros) {}
