package dev.backtrack.collector.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainAnswersTest {
  private static ChainRow hop(String id, long ts, String service, String route, long us,
      boolean error) {
    return new ChainRow(id, ts, service, "GET", route, us, error);
  }

  @Test
  void groupsChainsByTheirPathOfRoutesMostFrequentFirst() {
    List<ChainRow> rows = List.of(
        hop("a", 1, "shop", "/orders", 40_000, false),
        hop("a", 2, "stock", "/sku", 10_000, false),
        hop("b", 5, "shop", "/orders", 20_000, false),
        hop("b", 6, "stock", "/sku", 10_000, true),
        hop("c", 3, "shop", "/cart", 5_000, false),
        hop("c", 4, "pay", "/charge", 1_000, false),
        hop("d", 9, "shop", "/alone", 1_000, false));

    JsonArray chains = ChainAnswers.build(rows, null).getJsonArray("chains");
    assertThat(chains).hasSize(2);
    JsonObject orders = chains.getJsonObject(0);
    assertThat(orders.getLong("count")).isEqualTo(2);
    assertThat(orders.getDouble("avg_ms")).isEqualTo(30.0);
    assertThat(orders.getLong("errors")).isEqualTo(1);
    assertThat(orders.getDouble("error_rate")).isEqualTo(0.5);
    assertThat(orders.getLong("last_seen")).isEqualTo(5);
    assertThat(orders.getString("example_correlation_id")).isEqualTo("b");
    assertThat(orders.getJsonArray("hops")).hasSize(2);

    JsonArray pay = ChainAnswers.build(rows, "pay").getJsonArray("chains");
    assertThat(pay).hasSize(1);
    assertThat(pay.getJsonObject(0).getString("example_correlation_id")).isEqualTo("c");
  }
}
