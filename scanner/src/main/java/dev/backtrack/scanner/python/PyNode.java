package dev.backtrack.scanner.python;

import java.util.List;
import java.util.Map;

/** The few Python expression shapes route discovery looks at; the rest is {@link Other}. */
sealed interface PyNode {
  /** A string literal, adjacent literals and {@code +} of literals already joined. */
  record Str(String value) implements PyNode {}

  /** A name or dotted attribute chain: {@code views.user_detail}. */
  record Name(String dotted) implements PyNode {}

  /** {@code callee(args, key=value)}, {@code callee} dotted when it is a plain chain. */
  record Call(String callee, List<PyNode> args, Map<String, PyNode> keywords, int line)
      implements PyNode {}

  /** A list or tuple. */
  record Seq(List<PyNode> items) implements PyNode {}

  /** Anything else. */
  record Other() implements PyNode {}

  /** The string value of {@code node}, or {@code null}. */
  static String string(PyNode node) {
    return node instanceof Str s ? s.value() : null;
  }
}
