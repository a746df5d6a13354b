package dev.backtrack.collector.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.backtrack.collector.model.DbStats;
import dev.backtrack.collector.model.ErrorInfo;
import dev.backtrack.collector.model.OutStats;
import dev.backtrack.collector.model.OutgoingCall;
import dev.backtrack.collector.model.RequestEvent;
import dev.backtrack.collector.model.SqlTiming;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads request events and outgoing calls (docs/protocol.md, their tables). */
final class EventParser {
  static final long MAX_DURATION_MICROS = 86_400_000_000L;
  static final int MAX_SLOWEST = 5;

  private final FieldReader in;
  private final JsonParser parser;

  EventParser(FieldReader in) {
    this.in = in;
    this.parser = in.parser();
  }

  /** Reads one event; the parser stands on its {@code START_OBJECT}. */
  RequestEvent event() throws IOException {
    long ts = 0;
    String method = null;
    String route = null;
    int status = -1;
    long duration = -1;
    String requestId = null;
    String correlationId = null;
    String parentId = null;
    DbStats db = DbStats.NONE;
    OutStats out = OutStats.NONE;
    ErrorInfo error = null;
    String name;
    while ((name = parser.nextFieldName()) != null) {
      parser.nextToken();
      if (in.isNull()) {
        continue;
      }
      switch (name) {
        case "ts" -> ts = in.timestamp(name);
        case "method" -> method = method(name);
        case "route" -> route = route(name);
        case "status" -> status = (int) in.integer(name, 100, 599);
        case "duration_us" -> duration = in.integer(name, 0, MAX_DURATION_MICROS);
        case "request_id" -> requestId = in.string(name, 0, 128);
        case "correlation_id" -> correlationId = in.string(name, 0, 128);
        case "parent_id" -> parentId = in.string(name, 0, 128);
        case "db" -> db = db(name);
        case "out" -> out = out(name);
        case "error" -> error = error(name);
        default -> parser.skipChildren();
      }
    }
    require(ts != 0, "ts");
    require(method != null, "method");
    require(route != null, "route");
    require(status >= 0, "status");
    require(duration >= 0, "duration_us");
    if (correlationId == null) {
      correlationId = requestId; // the protocol's default: the request starts its own chain
    }
    return new RequestEvent(ts, requestId, correlationId, parentId, method, route, status,
        duration, db, out, error);
  }

  /** Reads one outgoing call; the parser stands on its {@code START_OBJECT}. */
  OutgoingCall outgoing() throws IOException {
    long ts = 0;
    String host = null;
    String method = null;
    int status = -1;
    long duration = -1;
    Boolean error = null;
    String requestId = null;
    String route = null;
    String name;
    while ((name = parser.nextFieldName()) != null) {
      parser.nextToken();
      if (in.isNull()) {
        continue;
      }
      switch (name) {
        case "ts" -> ts = in.timestamp(name);
        case "host" -> host = in.name(name, 1, 255);
        case "method" -> method = method(name);
        case "status" -> status = (int) in.integer(name, 0, 599);
        case "duration_us" -> duration = in.integer(name, 0, MAX_DURATION_MICROS);
        case "error" -> error = in.bool(name);
        case "request_id" -> requestId = in.string(name, 0, 128);
        case "route" -> route = route(name);
        default -> parser.skipChildren();
      }
    }
    require(ts != 0, "ts");
    require(host != null, "host");
    require(method != null, "method");
    require(status >= 0, "status");
    require(duration >= 0, "duration_us");
    boolean failed = error != null ? error : status == 0 || status >= 500;
    return new OutgoingCall(ts, requestId, route, method, host, status, duration, failed);
  }

  private String method(String field) throws IOException {
    String method = in.name(field, 1, 16);
    for (int i = 0; i < method.length(); i++) {
      char c = method.charAt(i);
      if (c < 'A' || c > 'Z') {
        throw in.error(field, field + " must be upper-case letters A-Z only");
      }
    }
    return method;
  }

  private String route(String field) throws IOException {
    String route = in.name(field, 1, 512);
    if (route.charAt(0) != '/' && !route.equals("<unmatched>") && !route.equals("<other>")) {
      throw in.error(field, field + " must be a path template starting with / or <unmatched>");
    }
    return route;
  }

  private DbStats db(String field) throws IOException {
    in.expectObject(field);
    in.path().push(field);
    int count = 0;
    long micros = 0;
    List<SqlTiming> slowest = List.of();
    String name;
    while ((name = parser.nextFieldName()) != null) {
      parser.nextToken();
      if (in.isNull()) {
        continue;
      }
      switch (name) {
        case "count" -> count = (int) in.integer(name, 0, Integer.MAX_VALUE);
        case "us" -> micros = in.integer(name, 0, Long.MAX_VALUE);
        case "slowest" -> slowest = slowest(name);
        default -> parser.skipChildren();
      }
    }
    in.path().pop();
    return new DbStats(count, micros, slowest);
  }

  private List<SqlTiming> slowest(String field) throws IOException {
    in.expectArray(field);
    in.path().push(field);
    List<SqlTiming> timings = new ArrayList<>(2);
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (timings.size() == MAX_SLOWEST) {
        in.path().pop();
        throw in.error(field, field + " holds at most " + MAX_SLOWEST + " statements");
      }
      in.path().index(timings.size());
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        throw BadInputException.badRequest("each statement must be an object", in.path().here());
      }
      String sql = null;
      long micros = 0;
      String name;
      while ((name = parser.nextFieldName()) != null) {
        parser.nextToken();
        if (in.isNull()) {
          continue;
        }
        switch (name) {
          case "sql" -> sql = in.name(name, 0, 4_096);
          case "us" -> micros = in.integer(name, 0, Long.MAX_VALUE);
          default -> parser.skipChildren();
        }
      }
      require(sql != null, "sql");
      timings.add(new SqlTiming(sql, micros));
    }
    in.path().pop();
    return List.copyOf(timings);
  }

  private OutStats out(String field) throws IOException {
    in.expectObject(field);
    in.path().push(field);
    int count = 0;
    long micros = 0;
    String name;
    while ((name = parser.nextFieldName()) != null) {
      parser.nextToken();
      if (in.isNull()) {
        continue;
      }
      switch (name) {
        case "count" -> count = (int) in.integer(name, 0, Integer.MAX_VALUE);
        case "us" -> micros = in.integer(name, 0, Long.MAX_VALUE);
        default -> parser.skipChildren();
      }
    }
    in.path().pop();
    return new OutStats(count, micros);
  }

  private ErrorInfo error(String field) throws IOException {
    in.expectObject(field);
    in.path().push(field);
    String type = null;
    String message = null;
    String fingerprint = null;
    String stack = null;
    String name;
    while ((name = parser.nextFieldName()) != null) {
      parser.nextToken();
      if (in.isNull()) {
        continue;
      }
      switch (name) {
        case "type" -> type = in.name(name, 1, 256);
        case "message" -> message = in.string(name, 0, 4_096);
        case "fingerprint" -> fingerprint = in.name(name, 0, 64);
        case "stack" -> stack = in.string(name, 0, 65_536);
        default -> parser.skipChildren();
      }
    }
    require(type != null, "type");
    in.path().pop();
    if (fingerprint == null || fingerprint.isEmpty()) {
      fingerprint = type; // docs/protocol.md: without a fingerprint, errors group by type
    }
    return new ErrorInfo(type, message, fingerprint, stack);
  }

  private void require(boolean present, String field) {
    if (!present) {
      throw in.error(field, field + " is required");
    }
  }
}
