package dev.backtrack.collector;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The collector's version, written into a resource by the build. */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  /** Such as {@code 0.1.0}; {@code "unknown"} when run from unbuilt classes. */
  public static String current() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
