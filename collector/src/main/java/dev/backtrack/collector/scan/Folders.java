package dev.backtrack.collector.scan;

/** Folder prefixes over the {@code /}-separated relative paths of scanned files. */
public final class Folders {
  private Folders() {}

  /** Whether {@code file} lies at or below folder {@code prefix}; "" holds every file. */
  public static boolean isBelow(String file, String prefix) {
    String folder = trim(prefix);
    return folder.isEmpty() || file.equals(folder) || file.startsWith(folder + "/");
  }

  /** {@code prefix} without leading or trailing {@code /}. */
  public static String trim(String prefix) {
    int start = 0;
    int end = prefix.length();
    while (start < end && prefix.charAt(start) == '/') {
      start++;
    }
    while (end > start && prefix.charAt(end - 1) == '/') {
      end--;
    }
    return prefix.substring(start, end);
  }
}
