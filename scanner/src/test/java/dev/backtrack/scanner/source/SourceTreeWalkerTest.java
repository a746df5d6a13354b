package dev.backtrack.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTreeWalkerTest {
  @TempDir Path root;

  @Test
  void skipsBuildToolAndHiddenFoldersAndKeepsSourceFiles() throws IOException {
    write("src/main/java/App.java");
    write("app/urls.py");
    write("WEB-INF/web.xml");
    write("README.md");
    for (String skipped : SourceTreeWalker.SKIPPED_FOLDERS) {
      write(skipped + "/Skipped.java");
    }
    write(".cache/Hidden.java");
    write("src/generated/Gen.java");

    SourceTreeWalker.Listing listing = SourceTreeWalker.walk(root);

    assertThat(listing.files())
        .extracting(SourceFile::relative)
        .containsExactly("WEB-INF/web.xml", "app/urls.py", "src/main/java/App.java");
    assertThat(listing.issues()).isEmpty();
  }

  @Test
  void doesNotFollowSymbolicLinksSoLoopsEndTheWalk() throws IOException {
    write("src/App.java");
    try {
      Files.createSymbolicLink(root.resolve("src/loop"), root);
    } catch (UnsupportedOperationException | IOException e) {
      return; // file system without links: nothing to prove here
    }
    assertThat(SourceTreeWalker.walk(root).files())
        .extracting(SourceFile::relative)
        .containsExactly("src/App.java");
  }

  @Test
  void aRootThatIsASymbolicLinkIsFollowed() throws IOException {
    write("project/src/App.java");
    Path link = root.resolve("link");
    try {
      Files.createSymbolicLink(link, root.resolve("project"));
    } catch (UnsupportedOperationException | IOException e) {
      return; // file system without links: nothing to prove here
    }
    assertThat(SourceTreeWalker.walk(link).files())
        .extracting(SourceFile::relative)
        .containsExactly("src/App.java");
  }

  @Test
  void aSingleFileIsItsOwnTree() throws IOException {
    Path file = write("src/App.java");
    assertThat(SourceTreeWalker.walk(file).files())
        .extracting(SourceFile::relative)
        .containsExactly("App.java");
  }

  @Test
  void readerRefusesHugeFiles() throws IOException {
    Path huge = write("Huge.java");
    Files.write(huge, new byte[(int) SourceReader.MAX_FILE_BYTES + 1]);
    SourceFile file = new SourceFile(huge, "Huge.java");
    assertThatThrownBy(() -> SourceReader.read(file))
        .isInstanceOf(UnreadableSourceException.class)
        .hasMessageContaining("limit");
  }

  private Path write(String relative) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "class X {}\n");
  }
}
