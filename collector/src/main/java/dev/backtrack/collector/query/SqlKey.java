package dev.backtrack.collector.query;

/** The rollup key of SQL timings: one normalized statement as run by one route. */
record SqlKey(String service, String method, String route, String sql) {}
