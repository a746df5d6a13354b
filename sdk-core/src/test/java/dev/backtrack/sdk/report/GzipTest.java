package dev.backtrack.sdk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipTest {
  @Test
  void oneInstanceCompressesBatchAfterBatchIntoValidGzip() throws IOException {
    Gzip gzip = new Gzip();
    byte[] random = new byte[300_000]; // incompressible, larger than the first buffer
    new Random(7).nextBytes(random);
    byte[] json = "{\"route\":\"/users/{id}\",\"status\":200},".repeat(20_000)
        .getBytes(StandardCharsets.UTF_8);
    for (byte[] data : new byte[][] {json, new byte[0], random, "{}".getBytes(), json}) {
      gzip.compress(data, data.length);
      assertThat(gunzip(Arrays.copyOf(gzip.bytes(), gzip.size()))).isEqualTo(data);
    }
    gzip.compress(random, 1000);
    assertThat(gunzip(Arrays.copyOf(gzip.bytes(), gzip.size())))
        .isEqualTo(Arrays.copyOf(random, 1000));
    gzip.compress(json, json.length);
    assertThat(gzip.size()).as("a batch of repeated names shrinks").isLessThan(json.length / 10);
  }

  private static byte[] gunzip(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }
}
