package dev.backtrack.scanner.python;

import dev.backtrack.scanner.python.PyToken.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One tokenized Python file with its dotted module name and its imports.
 *
 * <p>{@code app/routers/users.py} is module {@code app.routers.users}; a package's
 * {@code __init__.py} is the package itself. Which folder is the import root is not known, so
 * module look-ups match on dotted suffixes (see {@link PyModules}).
 */
final class PyModule {
  /** {@code from X import name as local} or {@code import X as local} (then name is null). */
  record Import(String from, int level, String name) {}

  final String file;
  final String name;
  final List<PyToken> tokens;
  final Map<String, Import> imports = new HashMap<>();
  final boolean isPackage;

  PyModule(String file, List<PyToken> tokens) {
    this.file = file;
    this.tokens = tokens;
    String dotted = file.substring(0, file.length() - ".py".length()).replace('/', '.');
    this.isPackage = dotted.endsWith("__init__");
    this.name = isPackage
        ? dotted.substring(0, Math.max(0, dotted.length() - ".__init__".length()))
        : dotted;
    readImports();
  }

  /** Indexes of the first token of every logical line. */
  List<Integer> statementStarts() {
    List<Integer> starts = new ArrayList<>();
    boolean atStart = true;
    for (int i = 0; i < tokens.size(); i++) {
      PyToken token = tokens.get(i);
      if (token.kind() == Kind.NEWLINE) {
        atStart = true;
      } else if (atStart && token.kind() != Kind.END) {
        starts.add(i);
        atStart = false;
      }
    }
    return starts;
  }

  /** The package relative imports start from: this module if a package, else its parent. */
  String packageName() {
    if (isPackage) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(0, dot);
  }

  private void readImports() {
    for (int start : statementStarts()) {
      PyToken first = tokens.get(start);
      if (first.isName("from")) {
        readFromImport(start + 1);
      } else if (first.isName("import")) {
        readImport(start + 1);
      }
    }
  }

  private void readFromImport(int i) {
    int level = 0;
    while (tokens.get(i).isOp(".")) {
      level++;
      i++;
    }
    StringBuilder from = new StringBuilder();
    while (tokens.get(i).kind() == Kind.NAME && !tokens.get(i).isName("import")) {
      from.append(tokens.get(i).text());
      i++;
      if (tokens.get(i).isOp(".")) {
        from.append('.');
        i++;
      }
    }
    if (!tokens.get(i).isName("import")) {
      return;
    }
    i++;
    while (tokens.get(i).kind() != Kind.NEWLINE && tokens.get(i).kind() != Kind.END) {
      PyToken token = tokens.get(i);
      if (token.kind() == Kind.NAME) {
        String imported = token.text();
        String local = imported;
        if (tokens.get(i + 1).isName("as") && tokens.get(i + 2).kind() == Kind.NAME) {
          local = tokens.get(i + 2).text();
          i += 2;
        }
        imports.put(local, new Import(from.toString(), level, imported));
      }
      i++;
    }
  }

  private void readImport(int i) {
    StringBuilder dotted = new StringBuilder();
    while (tokens.get(i).kind() == Kind.NAME || tokens.get(i).isOp(".")) {
      if (tokens.get(i).isName("as")) {
        break;
      }
      dotted.append(tokens.get(i).text());
      i++;
    }
    if (tokens.get(i).isName("as") && tokens.get(i + 1).kind() == Kind.NAME) {
      imports.put(tokens.get(i + 1).text(), new Import(dotted.toString(), 0, null));
    } else if (!dotted.isEmpty()) {
      imports.put(dotted.toString(), new Import(dotted.toString(), 0, null));
    }
  }
}
