package dev.backtrack.collector.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

class NativeLibraryTest {
  private static final String PATH = "org.sqlite.lib.path";
  private static final String NAME = "org.sqlite.lib.name";

  @TempDir Path dir;
  private String pathBefore;
  private String nameBefore;

  @BeforeEach
  void forgetChoices() {
    pathBefore = System.clearProperty(PATH);
    nameBefore = System.clearProperty(NAME);
  }

  @AfterEach
  void restoreChoices() {
    restore(PATH, pathBefore);
    restore(NAME, nameBefore);
  }

  @Test
  void copiesTheDriversLibraryOnceAndPointsTheDriverAtIt() throws Exception {
    NativeLibrary.useCopyIn(dir);

    Path library = Path.of(System.getProperty(PATH), System.getProperty(NAME));
    assertThat(library).startsWith(dir).isRegularFile();
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/"
        + LibraryLoaderUtil.getNativeLibName();
    try (var inJar = NativeLibrary.class.getResourceAsStream(resource)) {
      assertThat(Files.readAllBytes(library)).isEqualTo(inJar.readAllBytes());
    }
    Files.setLastModifiedTime(library, FileTime.fromMillis(0));

    NativeLibrary.useCopyIn(dir);

    assertThat(Files.getLastModifiedTime(library).toMillis()).isZero();
    try (var files = Files.list(library.getParent())) {
      assertThat(files).containsExactly(library);
    }
  }

  @Test
  void leavesAUsersOwnChoiceAlone() {
    System.setProperty(PATH, "/opt/sqlite");

    NativeLibrary.useCopyIn(dir);

    assertThat(System.getProperty(PATH)).isEqualTo("/opt/sqlite");
    assertThat(dir).isEmptyDirectory();
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
