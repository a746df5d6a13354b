package dev.backtrack.collector.query;

/**
 * Counters of the requests (or outgoing calls) of one key in one time bucket. Mutable, owned by
 * the query verticle's thread. Durations are microseconds.
 */
final class Stats {
  long count;
  long errors;
  long sumMicros;
  long maxMicros;
  long dbCount;
  long dbMicros;
  long outCount;
  long outMicros;

  void record(long durationMicros, boolean error) {
    count++;
    if (error) {
      errors++;
    }
    sumMicros += durationMicros;
    if (durationMicros > maxMicros) {
      maxMicros = durationMicros;
    }
  }

  void recordWork(long dbStatements, long dbTimeMicros, long outCalls, long outTimeMicros) {
    dbCount += dbStatements;
    dbMicros += dbTimeMicros;
    outCount += outCalls;
    outMicros += outTimeMicros;
  }

  void add(Stats other) {
    count += other.count;
    errors += other.errors;
    sumMicros += other.sumMicros;
    if (other.maxMicros > maxMicros) {
      maxMicros = other.maxMicros;
    }
    dbCount += other.dbCount;
    dbMicros += other.dbMicros;
    outCount += other.outCount;
    outMicros += other.outMicros;
  }

  double errorRate() {
    return count == 0 ? 0 : (double) errors / count;
  }

  double avgMicros() {
    return count == 0 ? 0 : (double) sumMicros / count;
  }
}
