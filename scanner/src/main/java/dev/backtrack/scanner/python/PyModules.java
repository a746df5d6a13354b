package dev.backtrack.scanner.python;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** All tokenized modules of a scan, looked up by dotted name. */
final class PyModules {
  final List<PyModule> all;

  PyModules(List<PyModule> modules) {
    this.all = modules.stream().sorted(Comparator.comparing(m -> m.file)).toList();
  }

  /**
   * The module {@code dotted} names, seen from {@code from} with {@code level} leading dots.
   * The tree's import root is unknown, so {@code app.urls} also matches {@code src.app.urls};
   * the shortest such name wins.
   */
  Optional<PyModule> resolve(String dotted, int level, PyModule from) {
    String target = dotted;
    if (level > 0) {
      String base = from.packageName();
      for (int up = 1; up < level && !base.isEmpty(); up++) {
        int dot = base.lastIndexOf('.');
        base = dot < 0 ? "" : base.substring(0, dot);
      }
      target = base.isEmpty() ? dotted : dotted.isEmpty() ? base : base + "." + dotted;
    }
    String wanted = target;
    return all.stream()
        .filter(m -> m.name.equals(wanted) || m.name.endsWith("." + wanted))
        .min(Comparator.comparingInt((PyModule m) -> m.name.length()).thenComparing(m -> m.file));
  }

  /** The module a {@code from X import name} brings in when {@code name} is a submodule. */
  Optional<PyModule> importedModule(PyModule.Import imported, PyModule from) {
    if (imported.name() == null) {
      return resolve(imported.from(), imported.level(), from);
    }
    String dotted = imported.from().isEmpty()
        ? imported.name() : imported.from() + "." + imported.name();
    return resolve(dotted, imported.level(), from);
  }
}
