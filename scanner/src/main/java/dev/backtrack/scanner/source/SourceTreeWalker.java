package dev.backtrack.scanner.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Lists the files a route scan reads: {@code .java}, {@code .py} and {@code web.xml}.
 *
 * <p>Build output, dependency and tool folders are skipped, and so is every hidden folder.
 * Symbolic links are not followed, which keeps link loops and trees outside the root out.
 */
public final class SourceTreeWalker {
  /** Folder names never descended into. */
  public static final Set<String> SKIPPED_FOLDERS =
      Set.of(
          ".git", "target", "build", "out", "node_modules", ".venv", "venv", "__pycache__",
          ".idea", "generated-sources", "generated");

  private final Path root;
  private final List<SourceFile> files = new ArrayList<>();
  private final List<FileIssue> issues = new ArrayList<>();

  private SourceTreeWalker(Path root) {
    this.root = root;
  }

  /** What a walk found: the files to read, sorted by relative path, and folders it could not. */
  public record Listing(List<SourceFile> files, List<FileIssue> issues) {}

  /** Walks {@code root}, a folder or a single file. */
  public static Listing walk(Path root) {
    SourceTreeWalker walker = new SourceTreeWalker(realPath(root));
    walker.run();
    walker.files.sort(Comparator.comparing(SourceFile::relative));
    return new Listing(List.copyOf(walker.files), List.copyOf(walker.issues));
  }

  /** Whether a file with this name is one the scanner reads. */
  public static boolean isScannable(String fileName) {
    return fileName.endsWith(".java") || fileName.endsWith(".py") || fileName.equals("web.xml");
  }

  /** The root itself may be a link (a checked-out project behind a symlink): resolve it once. */
  private static Path realPath(Path root) {
    try {
      return root.toRealPath();
    } catch (IOException e) {
      return root.toAbsolutePath().normalize();
    }
  }

  private void run() {
    if (Files.isRegularFile(root)) {
      Path name = root.getFileName();
      if (name != null && isScannable(name.toString())) {
        files.add(new SourceFile(root, name.toString()));
      }
      return;
    }
    try {
      Files.walkFileTree(root, new Visitor());
    } catch (IOException e) {
      issues.add(new FileIssue(".", "cannot walk: " + e.getMessage()));
    }
  }

  private String relative(Path path) {
    return root.relativize(path).toString().replace('\\', '/');
  }

  private final class Visitor implements FileVisitor<Path> {
    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      if (dir.equals(root)) {
        return FileVisitResult.CONTINUE;
      }
      String name = dir.getFileName().toString();
      if (name.startsWith(".") || SKIPPED_FOLDERS.contains(name)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      if (attrs.isRegularFile() && isScannable(file.getFileName().toString())) {
        files.add(new SourceFile(file, relative(file)));
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      issues.add(new FileIssue(relative(file), "cannot read: " + e.getMessage()));
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
      if (e != null) {
        issues.add(new FileIssue(relative(dir), "cannot list: " + e.getMessage()));
      }
      return FileVisitResult.CONTINUE;
    }
  }
}
