package dev.backtrack.scanner;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Scans the fixture projects under {@code src/test/resources/fixtures}. */
final class Fixtures {
  private Fixtures() {}

  /** One endpoint reduced to what the fixture tests pin down. */
  record Row(String method, String route, String file, int line) {}

  static Row row(String method, String route, String file, int line) {
    return new Row(method, route, file, line);
  }

  static Path path(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static ScanResult scan(String name) {
    return RouteScanner.scan(path(name));
  }

  static List<Row> rows(String name) {
    return scan(name).endpoints().stream()
        .map(e -> new Row(e.method(), e.route(), e.file(), e.line()))
        .toList();
  }
}
