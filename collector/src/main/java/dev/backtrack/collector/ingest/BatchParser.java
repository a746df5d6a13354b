package dev.backtrack.collector.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.backtrack.collector.model.Batch;
import dev.backtrack.collector.model.Heartbeat;
import dev.backtrack.collector.model.Instance;
import dev.backtrack.collector.model.OutgoingCall;
import dev.backtrack.collector.model.RequestEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns a decoded {@code /ingest} body into a {@link Batch}, checking every rule of
 * docs/protocol.md in one streaming pass. Thread-safe: each call has its own parser.
 */
public final class BatchParser {
  public static final int MAX_NESTING_DEPTH = 16;
  public static final int MAX_ITEMS = 10_000;

  /**
   * Jackson's own string cap sits well above the largest field ({@code stack}) so that an
   * over-long string is reported by the field check, which names the field.
   */
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxStringLength(1 << 20)
          .maxNumberLength(64)
          .build())
      .build();

  private BatchParser() {}

  /**
   * Parses a batch.
   *
   * @param json UTF-8 JSON (already checked to be valid UTF-8)
   * @param receivedAtMillis the collector's time of receipt, ms since the epoch
   * @throws BadInputException 400 with the path of the first problem
   */
  public static Batch parse(byte[] json, int length, long receivedAtMillis) {
    JsonPath path = new JsonPath();
    try (JsonParser parser = JSON.createParser(json, 0, length)) {
      FieldReader in = new FieldReader(parser, path);
      Batch batch = batch(in, receivedAtMillis);
      if (parser.nextToken() != null) {
        throw BadInputException.badRequest("unexpected content after the batch object", "body");
      }
      return batch;
    } catch (StreamConstraintsException e) {
      throw BadInputException.badRequest(
          "JSON too deep or too large: " + e.getOriginalMessage(), path.here());
    } catch (JsonProcessingException e) {
      throw BadInputException.badRequest("malformed JSON: " + e.getOriginalMessage(),
          path.here());
    } catch (IOException e) {
      throw BadInputException.badRequest("unreadable body: " + e.getMessage(), "body");
    }
  }

  private static Batch batch(FieldReader in, long receivedAtMillis) throws IOException {
    JsonParser parser = in.parser();
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw BadInputException.badRequest("body is empty; expected a batch object", "body");
    }
    if (first != JsonToken.START_OBJECT) {
      throw BadInputException.badRequest("the batch must be a JSON object", "body");
    }
    boolean versioned = false;
    String batchId = null;
    String service = null;
    Instance instance = Instance.UNKNOWN;
    List<RequestEvent> events = List.of();
    List<OutgoingCall> outgoing = List.of();
    Heartbeat heartbeat = null;
    EventParser items = new EventParser(in);
    String name;
    while ((name = parser.nextFieldName()) != null) {
      parser.nextToken();
      switch (name) {
        case "v" -> versioned = version(in);
        case "batch_id" -> batchId = in.isNull() ? null : in.string(name, 1, 64);
        case "service" -> service = in.isNull() ? null : service(in);
        case "instance" -> instance = in.isNull() ? Instance.UNKNOWN : instance(in);
        case "events" -> events = in.isNull() ? List.of() : items(in, name, items::event);
        case "outgoing" ->
            outgoing = in.isNull() ? List.of() : items(in, name, items::outgoing);
        case "heartbeat" -> heartbeat = in.isNull() ? null : heartbeat(in);
        default -> parser.skipChildren();
      }
    }
    if (!versioned) {
      throw in.error("v", "v is required and must be 1");
    }
    if (batchId == null) {
      throw in.error("batch_id", "batch_id is required");
    }
    if (service == null) {
      throw in.error("service", "service is required");
    }
    return new Batch(batchId, service, instance, events, outgoing, heartbeat,
        receivedAtMillis);
  }

  private static boolean version(FieldReader in) throws IOException {
    JsonParser parser = in.parser();
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT
        || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
        || parser.getLongValue() != 1) {
      throw in.error("v", "unsupported protocol version; this collector speaks v 1");
    }
    return true;
  }

  private static String service(FieldReader in) throws IOException {
    String service = in.name("service", 1, 128);
    for (int i = 0; i < service.length(); i++) {
      if (Character.isISOControl(service.charAt(i))) {
        throw in.error("service", "service must not contain control characters");
      }
    }
    return service;
  }

  private static Instance instance(FieldReader in) throws IOException {
    in.expectObject("instance");
    in.path().push("instance");
    String host = "";
    long pid = 0;
    String sdk = "";
    JsonParser parser = in.parser();
    String name;
    while ((name = parser.nextFieldName()) != null) {
      parser.nextToken();
      if (in.isNull()) {
        continue;
      }
      switch (name) {
        case "host" -> host = in.name(name, 0, 255);
        case "pid" -> pid = in.integer(name, 0, Long.MAX_VALUE);
        case "sdk" -> sdk = in.name(name, 0, 64);
        default -> parser.skipChildren();
      }
    }
    in.path().pop();
    return new Instance(host, pid, sdk);
  }

  /** Reads one item of an array; the parser stands on the item's {@code START_OBJECT}. */
  @FunctionalInterface
  private interface ItemReader<T> {
    T read() throws IOException;
  }

  /** Reads the array {@code field}, item by item, within the per-batch item limit. */
  private static <T> List<T> items(FieldReader in, String field, ItemReader<T> item)
      throws IOException {
    in.expectArray(field);
    in.path().push(field);
    List<T> read = new ArrayList<>();
    while (in.parser().nextToken() != JsonToken.END_ARRAY) {
      checkItem(in, read.size(), field);
      read.add(item.read());
    }
    in.path().pop();
    return Collections.unmodifiableList(read);
  }

  private static void checkItem(FieldReader in, int index, String array) {
    if (index == MAX_ITEMS) {
      in.path().pop();
      throw in.error(array, array + " holds at most " + MAX_ITEMS + " items per batch");
    }
    in.path().index(index);
    if (in.parser().currentToken() != JsonToken.START_OBJECT) {
      throw BadInputException.badRequest("each item of " + array + " must be an object",
          in.path().here());
    }
  }

  private static Heartbeat heartbeat(FieldReader in) throws IOException {
    in.expectObject("heartbeat");
    in.path().push("heartbeat");
    long ts = 0;
    double cpu = 0;
    long rss = 0;
    int inFlight = 0;
    long dropped = 0;
    JsonParser parser = in.parser();
    String name;
    while ((name = parser.nextFieldName()) != null) {
      parser.nextToken();
      if (in.isNull()) {
        continue;
      }
      switch (name) {
        case "ts" -> ts = in.timestamp(name);
        case "cpu_pct" -> cpu = in.number(name, 0);
        case "rss_bytes" -> rss = in.integer(name, 0, Long.MAX_VALUE);
        case "in_flight" -> inFlight = (int) in.integer(name, 0, Integer.MAX_VALUE);
        case "dropped" -> dropped = in.integer(name, 0, Long.MAX_VALUE);
        default -> parser.skipChildren();
      }
    }
    if (ts == 0) {
      throw in.error("ts", "ts is required");
    }
    in.path().pop();
    return new Heartbeat(ts, cpu, rss, inFlight, dropped);
  }
}
