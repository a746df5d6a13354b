package dev.backtrack.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerJvmTest {
  @Test
  void longLivedCommandsMoveToASizedJvmUnlessAHeapWasChosen() {
    List<String> none = List.of("-Dfile.encoding=UTF-8");
    assertThat(ServerJvm.wanted(new String[] {"start", "--port", "0"}, none)).isTrue();
    assertThat(ServerJvm.wanted(new String[] {"demo"}, none)).isTrue();
    assertThat(ServerJvm.wanted(new String[] {"scan", "."}, none)).isFalse();
    assertThat(ServerJvm.wanted(new String[] {"--version"}, none)).isFalse();
    assertThat(ServerJvm.wanted(new String[0], none)).isFalse();
    assertThat(ServerJvm.wanted(new String[] {"start"}, List.of("-Xmx1g"))).isFalse();
    assertThat(ServerJvm.wanted(new String[] {"start"}, List.of("-XX:MaxRAMPercentage=10")))
        .isFalse();
  }

  @Test
  void theChildGetsTheSizingThePropertiesAndTheArgumentsButNoAgents() {
    List<String> command = ServerJvm.command(new String[] {"start", "--port", "0"},
        List.of("-Dwho=me", "-agentlib:jdwp=transport=dt_socket,server=y,address=5005"), null,
        null);

    assertThat(command.get(0)).endsWith("java");
    assertThat(command).containsSubsequence("-Xmx256m", "-XX:+UseParallelGC", "-Dwho=me",
        "-D" + ServerJvm.CHILD_PROPERTY + "=true", "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "start", "--port", "0");
    assertThat(command).noneMatch(option -> option.startsWith("-agentlib"));
  }

  @Test
  void optionsFromTheEnvironmentReplaceTheDefaults() {
    List<String> command = ServerJvm.command(new String[] {"demo"}, List.of(),
        "  -Xmx512m   -XX:+UseG1GC ", null);

    assertThat(command).contains("-Xmx512m", "-XX:+UseG1GC")
        .doesNotContain("-Xmx256m", "-XX:+UseParallelGC");
  }
}
