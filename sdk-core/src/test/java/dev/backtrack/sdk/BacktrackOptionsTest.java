package dev.backtrack.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktrackOptionsTest {

  @Test
  void systemPropertiesWinOverEnvironmentAndCodeWinsOverBoth() {
    Map<String, String> env = Map.of("BACKTRACK_SERVICE", "from-env",
        "BACKTRACK_BUFFER_SIZE", "10", "BACKTRACK_ENABLED", "false",
        "BACKTRACK_FLUSH_INTERVAL_MS", "250");
    Map<String, String> props = Map.of("backtrack.service", "from-props",
        "backtrack.endpoint", "http://127.0.0.1:1234/ingest");
    BacktrackOptions o = BacktrackOptions.fromSources(props::get, env::get);
    assertThat(o.service()).isEqualTo("from-props");
    assertThat(o.bufferSize()).isEqualTo(10);
    assertThat(o.enabled()).isFalse();
    assertThat(o.flushIntervalMillis()).isEqualTo(250);
    assertThat(o.endpoint()).isEqualTo("http://127.0.0.1:1234/ingest");
    assertThat(o.heartbeatIntervalMillis()).isEqualTo(5000);
    assertThat(o.service("from-code").service()).isEqualTo("from-code");
  }

  @Test
  void defaultsMatchTheDocumentation() {
    BacktrackOptions o = BacktrackOptions.fromSources(k -> null, k -> null);
    assertThat(o.service()).isEqualTo("unknown-service");
    assertThat(o.endpoint()).isEqualTo("http://127.0.0.1:9876/ingest");
    assertThat(o.token()).isNull();
    assertThat(o.enabled()).isTrue();
    assertThat(o.bufferSize()).isEqualTo(5000);
  }

  @Test
  void badValuesGetClearErrors() {
    assertThatThrownBy(() -> BacktrackOptions.fromSources(
        Map.of("backtrack.buffer-size", "lots")::get, k -> null))
        .hasMessageContaining("backtrack.buffer-size").hasMessageContaining("lots");
    assertThatThrownBy(() -> BacktrackOptions.defaults().endpoint("ftp://x"))
        .hasMessageContaining("backtrack.endpoint");
    assertThatThrownBy(() -> BacktrackOptions.defaults().service(" "))
        .hasMessageContaining("backtrack.service");
    assertThat(BacktrackOptions.defaults().token("s3cret").toString()).doesNotContain("s3cret");
  }
}
