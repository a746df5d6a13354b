package dev.backtrack.bench.suite;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads figures back out of what a benchmark printed. */
final class Output {
  private Output() {}

  /**
   * The number in group 1 of the first match of {@code regex}, thousands separators removed.
   *
   * @throws IllegalStateException naming {@code what} when the output does not have it
   */
  static double number(String output, String regex, String what) {
    Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("no " + what + " in the output");
    }
    return Double.parseDouble(m.group(1).replace(",", ""));
  }
}
