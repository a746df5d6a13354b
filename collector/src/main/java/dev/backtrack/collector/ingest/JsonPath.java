package dev.backtrack.collector.ingest;

/**
 * The parser's position in the batch, kept as a small stack of names and indexes and turned
 * into text ({@code events[3].db.slowest[0].sql}) only when an error needs it.
 */
final class JsonPath {
  private static final int NO_INDEX = -1;
  private final String[] names = new String[20];
  private final int[] indexes = new int[20];
  private int depth;

  void push(String name) {
    names[depth] = name;
    indexes[depth] = NO_INDEX;
    depth++;
  }

  /** Marks the top name as an array at the given element. */
  void index(int index) {
    indexes[depth - 1] = index;
  }

  void pop() {
    depth--;
  }

  /** The path of a field of the current object. */
  String where(String field) {
    StringBuilder where = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      if (i > 0) {
        where.append('.');
      }
      where.append(names[i]);
      if (indexes[i] != NO_INDEX) {
        where.append('[').append(indexes[i]).append(']');
      }
    }
    if (field != null) {
      if (depth > 0) {
        where.append('.');
      }
      where.append(field);
    }
    return where.length() == 0 ? "body" : where.toString();
  }

  /** The path of the current position itself. */
  String here() {
    return where(null);
  }
}
