package dev.backtrack.collector.query;

import dev.backtrack.collector.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * Asks the query verticle over the event bus. Every answer is the JSON text of the response
 * body; a failure carries the HTTP status as its code and a JSON error body as its message.
 */
public final class QueryClient {
  /** Scans may walk a large tree; everything else answers in milliseconds. */
  private static final long TIMEOUT_MILLIS = 120_000;

  private final Vertx vertx;
  private final String address;
  private final String changedAddress;

  public QueryClient(Vertx vertx, Addresses addresses) {
    this.vertx = vertx;
    this.address = addresses.query();
    this.changedAddress = changedAddress(addresses);
  }

  /** Publish: an empty message soon after stored batches changed the aggregates. */
  public static String changedAddress(Addresses addresses) {
    return addresses.query() + ".changed";
  }

  public String changedAddress() {
    return changedAddress;
  }

  /**
   * @param op one of the {@code /api} resource names: {@code services}, {@code overview},
   *     {@code timeseries}, {@code routes}, {@code sql}, {@code errors}, {@code error}, {@code
   *     outgoing}, {@code graph}, {@code route_chains}, {@code snapshot}, {@code tree}, {@code
   *     scan}, {@code stream}
   * @param params {@code service}, {@code w} (seconds), {@code method}, {@code route}, {@code
   *     prefix}, {@code fingerprint}, {@code path}; validated by the caller
   */
  public Future<String> ask(String op, JsonObject params) {
    JsonObject request = params.copy().put("op", op);
    return vertx.eventBus()
        .<String>request(address, request, new DeliveryOptions().setSendTimeout(TIMEOUT_MILLIS))
        .map(reply -> reply.body());
  }
}
