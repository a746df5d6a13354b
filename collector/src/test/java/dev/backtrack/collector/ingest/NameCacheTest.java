package dev.backtrack.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameCacheTest {
  private final NameCache names = new NameCache();

  @Test
  void theSameTextComesBackAsTheSameInstance() {
    char[] chars = "xx/users/{id}yy".toCharArray();
    String first = names.get(chars, 2, 11);
    String second = names.get("/users/{id}".toCharArray(), 0, 11);

    assertThat(first).isEqualTo("/users/{id}");
    assertThat(second).isSameAs(first);
  }

  @Test
  void textsSharingASlotAreStillTold() {
    // "Aa" and "BB" have the same hash code, so they fight for one slot.
    String aa = names.get("Aa".toCharArray(), 0, 2);
    String bb = names.get("BB".toCharArray(), 0, 2);

    assertThat(aa).isEqualTo("Aa");
    assertThat(bb).isEqualTo("BB");
    assertThat(names.get("Aa".toCharArray(), 0, 2)).isEqualTo("Aa");
  }

  @Test
  void longTextsAreCopiedNotKept() {
    String longText = "x".repeat(300);
    String first = names.get(longText.toCharArray(), 0, 300);

    assertThat(first).isEqualTo(longText);
    assertThat(names.get(longText.toCharArray(), 0, 300)).isNotSameAs(first);
  }
}
