package dev.backtrack.collector.query;

import static dev.backtrack.collector.query.Events.batch;
import static dev.backtrack.collector.query.Events.ok;
import static dev.backtrack.collector.query.Events.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backtrack.collector.model.RequestEvent;
import dev.backtrack.collector.scan.ScanCatalog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficAnswersTest {
  /** 2024-11-23T22:13:20Z, on a whole minute. */
  private static final long NOW = 1_732_400_000_000L;

  private final TestClock clock = new TestClock(NOW);
  private final Rollups rollups = new Rollups(clock);
  private final TrafficAnswers answers = new TrafficAnswers(rollups, new ScanCatalog());

  private JsonObject overview(String service, String w) {
    return answers.overview(service, WindowRange.of(Window.parse(w), clock.getAsLong()),
        RouteScope.ALL);
  }

  @Test
  void countsRequestsErrorsAndLatencyExactly() {
    rollups.apply(batch("shop", List.of(
        ok(NOW - 10_000, "GET", "/a", 10_000),
        ok(NOW - 20_000, "GET", "/a", 30_000),
        status(NOW - 30_000, "GET", "/a", 503, 50_000),
        status(NOW - 40_000, "GET", "/b", 404, 2_000)), List.of()));

    JsonObject o = overview("shop", "5m");
    assertThat(o.getLong("requests")).isEqualTo(4);
    assertThat(o.getDouble("rps")).isEqualTo(4 / 300.0, within(0.0001));
    assertThat(o.getLong("errors")).isEqualTo(1);
    assertThat(o.getDouble("error_rate")).isEqualTo(0.25);
    assertThat(o.getDouble("avg_ms")).isEqualTo(23.0);
    assertThat(o.getDouble("max_ms")).isEqualTo(50.0);
    assertThat(o.getInteger("window_s")).isEqualTo(300);
    assertThat(overview("other", "5m").getLong("requests")).isZero();
    assertThat(overview(null, "5m").getLong("requests")).isEqualTo(4);
  }

  @Test
  void percentilesStayWithinOnePercent() {
    List<RequestEvent> events = new ArrayList<>();
    for (int ms = 1; ms <= 1000; ms++) {
      events.add(ok(NOW - 1000 - ms * 50L, "GET", "/p", ms * 1000L));
    }
    rollups.apply(batch("shop", events, List.of()));

    JsonObject o = overview("shop", "5m");
    assertThat(o.getDouble("p50_ms")).isCloseTo(500.0, within(5.0));
    assertThat(o.getDouble("p95_ms")).isCloseTo(950.0, within(9.5));
    assertThat(o.getDouble("p99_ms")).isCloseTo(990.0, within(9.9));
    assertThat(o.getDouble("p99_ms")).isLessThanOrEqualTo(o.getDouble("max_ms"));
    assertThat(o.getDouble("max_ms")).isEqualTo(1000.0);
  }

  @Test
  void windowIncludesItsFirstSecondAndNothingBefore() {
    rollups.apply(batch("shop", List.of(
        ok(NOW - 59_000, "GET", "/a", 1_000),
        ok(NOW - 60_000, "GET", "/a", 1_000)), List.of()));

    assertThat(overview("shop", "1m").getLong("requests")).isEqualTo(1);
    assertThat(overview("shop", "5m").getLong("requests")).isEqualTo(2);
  }

  @Test
  void bucketsRotateOutAfterAnHour() {
    rollups.apply(batch("shop", List.of(ok(NOW, "GET", "/a", 1_000)), List.of()));
    clock.advanceSeconds(3599);
    assertThat(overview("shop", "1h").getLong("requests")).isEqualTo(1);

    clock.advanceSeconds(1);
    assertThat(overview("shop", "1h").getLong("requests")).isZero();

    // The slot of the old second is reused: the new bucket must not carry the old count.
    rollups.apply(batch("shop", List.of(ok(NOW + 3600_000, "GET", "/a", 1_000)), List.of()));
    assertThat(overview("shop", "1h").getLong("requests")).isEqualTo(1);
  }

  @Test
  void placesEventsByTheirOwnTimeClampedIntoTheHour() {
    rollups.apply(batch("shop", List.of(
        ok(NOW + 3_600_000, "GET", "/future", 1_000),
        ok(NOW - 7_200_000, "GET", "/ancient", 1_000),
        ok(NOW - 600_000, "GET", "/old", 1_000)), List.of()));

    assertThat(overview("shop", "1m").getLong("requests")).isEqualTo(1);
    assertThat(overview("shop", "15m").getLong("requests")).isEqualTo(2);
    assertThat(overview("shop", "1h").getLong("requests")).isEqualTo(3);
  }

  @Test
  void timeseriesHasSixtyAlignedPointsWithGapsAsZeros() {
    rollups.apply(batch("shop", List.of(
        ok(NOW, "GET", "/a", 4_000),
        ok(NOW + 500, "GET", "/a", 6_000),
        status(NOW - 5_000, "GET", "/a", 500, 1_000)), List.of()));

    JsonObject ts = answers.timeseries("shop", WindowRange.of(Window.parse("5m"), NOW));
    assertThat(ts.getInteger("step_s")).isEqualTo(5);
    JsonArray points = ts.getJsonArray("points");
    assertThat(points).hasSize(60);
    JsonObject last = points.getJsonObject(59);
    assertThat(last.getLong("t")).isEqualTo(NOW);
    assertThat(last.getLong("requests")).isEqualTo(2);
    assertThat(last.getDouble("rps")).isEqualTo(0.4);
    assertThat(last.getDouble("avg_ms")).isEqualTo(5.0);
    assertThat(last.getDouble("p95_ms")).isCloseTo(6.0, within(0.06));
    JsonObject before = points.getJsonObject(58);
    assertThat(before.getLong("t")).isEqualTo(NOW - 5_000);
    assertThat(before.getDouble("error_rate")).isEqualTo(1.0);
    assertThat(points.getJsonObject(0).getLong("requests")).isZero();
    assertThat(points.getJsonObject(0).getLong("t")).isEqualTo(NOW - 295_000);
  }

  @Test
  void routesCarryPerRequestAveragesSortedByRequests() {
    rollups.apply(batch("shop", List.of(
        Events.withWork(NOW, "/a", 10_000, 3, 900, "select 1", 500, 1, 300),
        Events.withWork(NOW, "/a", 20_000, 1, 100, "select 1", 100, 0, 0),
        ok(NOW, "GET", "/b", 1_000)), List.of()));

    JsonArray routes = answers.routes("shop", WindowRange.of(Window.DEFAULT, NOW),
        RouteScope.ALL);
    assertThat(routes).hasSize(2);
    JsonObject a = routes.getJsonObject(0);
    assertThat(a.getString("route")).isEqualTo("/a");
    assertThat(a.getLong("requests")).isEqualTo(2);
    assertThat(a.getDouble("db_q")).isEqualTo(2.0);
    assertThat(a.getDouble("db_ms")).isEqualTo(0.5);
    assertThat(a.getDouble("out")).isEqualTo(0.5);
    assertThat(a.getDouble("out_ms")).isEqualTo(0.15);
    assertThat(a.getBoolean("discovered")).isFalse();
    assertThat(a.getValue("file")).isNull();
  }

  @Test
  void routesBeyondTheCapAreCountedUnderOther() {
    List<RequestEvent> events = new ArrayList<>();
    for (int i = 0; i < Cardinality.MAX_ROUTES_PER_SERVICE + 5; i++) {
      events.add(ok(NOW, "GET", "/r" + i, 1_000));
    }
    rollups.apply(batch("shop", events, List.of()));

    JsonArray routes = answers.routes("shop", WindowRange.of(Window.DEFAULT, NOW),
        RouteScope.ALL);
    assertThat(routes).hasSize(Cardinality.MAX_ROUTES_PER_SERVICE + 1);
    assertThat(routes.getJsonObject(0).getString("route")).isEqualTo("<other>");
    assertThat(routes.getJsonObject(0).getLong("requests")).isEqualTo(5);
  }
}
