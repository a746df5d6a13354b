package dev.backtrack.collector.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Loads SQLite's native library from a copy kept in a folder of the user's, instead of the
 * fresh copy in the temp folder that the driver otherwise makes and checks on every start: a
 * good part of the collector's start time. The copy's folder is named after the library's
 * checksum in the jar, so a new driver brings its own.
 */
public final class NativeLibrary {
  private static final String PATH_PROPERTY = "org.sqlite.lib.path";
  private static final String NAME_PROPERTY = "org.sqlite.lib.name";

  private NativeLibrary() {}

  /**
   * Points the driver at a copy under {@code folder}, made now if missing. Does nothing when
   * the user chose a library, when the driver has none for this platform in a jar, or when
   * the copy cannot be made: the driver then loads the library its own way.
   */
  public static void useCopyIn(Path folder) {
    if (System.getProperty(PATH_PROPERTY) != null) {
      return;
    }
    try {
      String name = LibraryLoaderUtil.getNativeLibName();
      URL resource = NativeLibrary.class.getResource(
          LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name);
      if (resource == null) {
        return;
      }
      URLConnection connection = resource.openConnection();
      if (!(connection instanceof JarURLConnection jar)) {
        return;
      }
      Path dir = folder.resolve(Long.toHexString(jar.getJarEntry().getCrc()));
      Path library = dir.resolve(name);
      if (!Files.isRegularFile(library)) {
        copy(connection, dir, library);
      }
      System.setProperty(PATH_PROPERTY, dir.toString());
      System.setProperty(NAME_PROPERTY, name);
    } catch (IOException | RuntimeException e) {
      // The driver's own way still works.
    }
  }

  /** Writes beside the target first, so that a process starting now never loads half a file. */
  private static void copy(URLConnection connection, Path dir, Path library) throws IOException {
    Files.createDirectories(dir);
    Path partial = Files.createTempFile(dir, library.getFileName().toString(), ".part");
    try (InputStream in = connection.getInputStream()) {
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
