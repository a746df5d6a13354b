package dev.backtrack.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassCacheTest {
  @TempDir Path dir;

  @Test
  void onlyASingleJarGetsACache() throws Exception {
    Path jar = Files.writeString(dir.resolve("backtrack.jar"), "not really a jar");
    Path cache = dir.resolve("cache");

    assertThat(ClassCache.forClassPath(jar.toString(), cache)).isNotNull();
    assertThat(ClassCache.forClassPath(dir.resolve("classes").toString(), cache)).isNull();
    assertThat(ClassCache.forClassPath(jar + File.pathSeparator + jar, cache)).isNull();
    assertThat(ClassCache.forClassPath(dir.resolve("missing.jar").toString(), cache)).isNull();
  }

  @Test
  void theFirstRunWritesTheArchiveAndLaterRunsMapIt() throws Exception {
    Path jar = Files.writeString(dir.resolve("backtrack.jar"), "v1");
    ClassCache first = ClassCache.forClassPath(jar.toString(), dir.resolve("cache"));
    List<String> options = first.jvmOptions();
    assertThat(options.get(0)).startsWith("-XX:ArchiveClassesAtExit=");

    // What the child JVM would write at exit, put in place once it has ended.
    Files.writeString(Path.of(options.get(0).substring(options.get(0).indexOf('=') + 1)), "a");
    first.settle();

    ClassCache later = ClassCache.forClassPath(jar.toString(), dir.resolve("cache"));
    assertThat(later.jvmOptions())
        .contains("-XX:SharedArchiveFile=" + later.archive(), "-Xlog:cds*=off");
    assertThat(Files.list(dir.resolve("cache"))).containsExactly(later.archive());
  }

  @Test
  void aRebuiltJarGetsAnArchiveOfItsOwn() throws Exception {
    Path jar = Files.writeString(dir.resolve("backtrack.jar"), "v1");
    Path before = ClassCache.forClassPath(jar.toString(), dir).archive();
    Files.writeString(jar, "version two");

    assertThat(ClassCache.forClassPath(jar.toString(), dir).archive()).isNotEqualTo(before);
  }
}
