package dev.backtrack.collector.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.collector.model.DbStats;
import dev.backtrack.collector.model.OutStats;
import dev.backtrack.collector.model.RequestEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainTrackerTest {
  private static RequestEvent hop(String correlationId, long ts, String route, long us) {
    return new RequestEvent(ts, "r", correlationId, null, "GET", route, 200, us, DbStats.NONE,
        OutStats.NONE, null);
  }

  private static List<String> routes(List<ChainRow> rows) {
    return rows.stream().map(r -> r.correlationId() + " " + r.route()).toList();
  }

  @Test
  void aCallerArrivingAfterItsCalleeStillComesFirst() {
    ChainTracker tracker = new ChainTracker();
    tracker.add("stock", hop("c", 1_010, "/sku", 10_000));
    tracker.add("pay", hop("c", 1_020, "/charge", 5_000));
    tracker.add("shop", hop("c", 1_000, "/orders", 40_000));

    assertThat(routes(tracker.rows(0))).containsExactly("c /orders", "c /sku", "c /charge");
    JsonObject chain = ChainAnswers.build(tracker.rows(0), "pay").getJsonArray("chains")
        .getJsonObject(0);
    assertThat(chain.getDouble("avg_ms")).isEqualTo(40.0);
    assertThat(chain.getLong("last_seen")).isEqualTo(1_000);
  }

  @Test
  void onTheSameMillisecondTheLongerHopComesFirst() {
    ChainTracker tracker = new ChainTracker();
    tracker.add("stock", hop("c", 1_000, "/sku", 10_000));
    tracker.add("shop", hop("c", 1_000, "/orders", 40_000));

    assertThat(routes(tracker.rows(0))).containsExactly("c /orders", "c /sku");
  }

  @Test
  void aSecondHopPromotesASingleToAChain() {
    ChainTracker tracker = new ChainTracker();
    tracker.add("shop", hop("a", 1_000, "/orders", 1_000));
    tracker.add("shop", hop("b", 1_000, "/alone", 1_000));
    tracker.add("shop", hop("", 1_000, "/untraced", 1_000));
    tracker.add("shop", hop(null, 1_000, "/untraced", 1_000));

    assertThat(tracker.rows(0)).isEmpty();
    assertThat(tracker.singleCount()).isEqualTo(2);

    tracker.add("stock", hop("a", 1_005, "/sku", 1_000));

    assertThat(routes(tracker.rows(0))).containsExactly("a /orders", "a /sku");
    assertThat(tracker.singleCount()).isEqualTo(1);
    assertThat(tracker.chainCount()).isEqualTo(1);
  }

  @Test
  void aFullListOfSinglesForgetsTheOldestId() {
    ChainTracker tracker = new ChainTracker(2, 10, 10);
    tracker.add("shop", hop("a", 1_000, "/a", 1_000));
    tracker.add("shop", hop("b", 1_000, "/b", 1_000));
    tracker.add("shop", hop("c", 1_000, "/c", 1_000));
    tracker.add("stock", hop("b", 1_001, "/x", 1_000));
    tracker.add("stock", hop("a", 1_001, "/x", 1_000));

    assertThat(routes(tracker.rows(0))).containsExactly("b /b", "b /x");
    assertThat(tracker.singleCount()).isEqualTo(2);
  }

  @Test
  void aFullMapOfChainsForgetsTheChainLeastRecentlyExtended() {
    ChainTracker tracker = new ChainTracker(10, 2, 10);
    for (String id : List.of("a", "b")) {
      tracker.add("shop", hop(id, 1_000, "/" + id, 1_000));
      tracker.add("stock", hop(id, 1_001, "/x", 1_000));
    }
    tracker.add("pay", hop("a", 1_002, "/y", 1_000));
    tracker.add("shop", hop("c", 1_000, "/c", 1_000));
    tracker.add("stock", hop("c", 1_001, "/x", 1_000));

    assertThat(tracker.chainCount()).isEqualTo(2);
    assertThat(routes(tracker.rows(0)))
        .containsExactly("a /a", "a /x", "a /y", "c /c", "c /x");
  }

  @Test
  void aChainKeepsItsEarliestHopsUpToTheCap() {
    ChainTracker tracker = new ChainTracker(10, 10, 3);
    tracker.add("s", hop("a", 1_003, "/3", 1_000));
    tracker.add("s", hop("a", 1_004, "/4", 1_000));
    tracker.add("s", hop("a", 1_002, "/2", 1_000));
    tracker.add("s", hop("a", 1_005, "/5", 1_000));
    tracker.add("s", hop("a", 1_001, "/1", 1_000));

    assertThat(routes(tracker.rows(0))).containsExactly("a /1", "a /2", "a /3");
  }

  @Test
  void theWindowKeepsOnlyChainsWithTwoHopsInside() {
    ChainTracker tracker = new ChainTracker();
    tracker.add("shop", hop("old", 1_000, "/orders", 1_000));
    tracker.add("stock", hop("old", 1_010, "/sku", 1_000));
    tracker.add("shop", hop("edge", 1_500, "/orders", 1_000));
    tracker.add("stock", hop("edge", 2_000, "/sku", 1_000));
    tracker.add("stock", hop("edge", 2_100, "/price", 1_000));
    tracker.add("shop", hop("new", 2_000, "/cart", 1_000));
    tracker.add("pay", hop("new", 2_001, "/charge", 1_000));

    assertThat(routes(tracker.rows(2_000)))
        .containsExactly("edge /sku", "edge /price", "new /cart", "new /charge");
    assertThat(routes(tracker.rows(2_001))).isEmpty();
  }

  @Test
  void pruningForgetsOldHopsAndTheChainsTheyLeaveSingle() {
    ChainTracker tracker = new ChainTracker();
    tracker.add("shop", hop("gone", 1_000, "/orders", 1_000));
    tracker.add("stock", hop("gone", 1_001, "/sku", 1_000));
    tracker.add("shop", hop("half", 1_000, "/orders", 1_000));
    tracker.add("stock", hop("half", 5_000, "/sku", 1_000));
    tracker.add("shop", hop("kept", 5_000, "/cart", 1_000));
    tracker.add("pay", hop("kept", 5_001, "/charge", 1_000));
    tracker.add("shop", hop("lonely", 1_000, "/alone", 1_000));

    tracker.prune(2_000);

    assertThat(tracker.singleCount()).isZero();
    assertThat(tracker.chainCount()).isEqualTo(1);
    assertThat(routes(tracker.rows(0))).containsExactly("kept /cart", "kept /charge");
  }

  @Test
  void rollupsFeedEveryEventToTheTrackerWithTheBatchService() {
    TestClock clock = new TestClock(1_000_000);
    Rollups rollups = new Rollups(clock);
    rollups.apply(Events.batch("stock", List.of(hop("c", 999_010, "/sku", 10_000)), List.of()));
    rollups.apply(Events.batch("shop", List.of(hop("c", 999_000, "/orders", 40_000)),
        List.of()));

    JsonArray chains = ChainAnswers.build(rollups.chains.rows(0), "stock")
        .getJsonArray("chains");
    assertThat(chains).hasSize(1);
    assertThat(chains.getJsonObject(0).getJsonArray("hops")).containsExactly(
        new JsonObject().put("service", "shop").put("method", "GET").put("route", "/orders"),
        new JsonObject().put("service", "stock").put("method", "GET").put("route", "/sku"));
  }
}
