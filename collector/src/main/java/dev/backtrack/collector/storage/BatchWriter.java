package dev.backtrack.collector.storage;

import dev.backtrack.collector.model.Batch;
import dev.backtrack.collector.model.ErrorGroups;
import dev.backtrack.collector.model.ErrorInfo;
import dev.backtrack.collector.model.Heartbeat;
import dev.backtrack.collector.model.Instance;
import dev.backtrack.collector.model.OutgoingCall;
import dev.backtrack.collector.model.RequestEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes groups of batches in one transaction, with one prepared statement per table, each
 * prepared once and reused, and the rows of every table sent with {@code executeBatch}.
 */
final class BatchWriter implements AutoCloseable {
  private final Connection connection;
  private final PreparedStatement insertBatch;
  private final PreparedStatement insertEvent;
  private final PreparedStatement insertOutgoing;
  private final PreparedStatement upsertErrorGroup;
  private final PreparedStatement upsertInstance;
  private final PreparedStatement upsertHeartbeat;
  private final PreparedStatement markMinute;
  private final PreparedStatement lastRowId;
  private final NameIds names;
  private int eventRows;
  private int outgoingRows;

  BatchWriter(Connection connection) throws SQLException {
    this.connection = connection;
    names = new NameIds(connection);
    insertBatch = connection.prepareStatement(
        "INSERT OR IGNORE INTO batches (batch_id, service, received_at) VALUES (?, ?, ?)");
    insertEvent = connection.prepareStatement("INSERT INTO events (ts, source_id, route_id,"
        + " request_id, correlation_id, parent_id, status, duration_us, db_count, db_us,"
        + " db_slowest, out_count, out_us, error_fingerprint)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insertOutgoing = connection.prepareStatement("INSERT INTO outgoing (ts, service,"
        + " request_id, route, method, host, status, duration_us, error)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    upsertErrorGroup = connection.prepareStatement("INSERT INTO error_groups (service,"
        + " fingerprint, type, message, stack, first_seen, last_seen, sample_request_id)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (service, fingerprint) DO UPDATE SET"
        + " type = excluded.type, message = excluded.message, stack = excluded.stack,"
        + " first_seen = min(first_seen, excluded.first_seen),"
        + " last_seen = max(last_seen, excluded.last_seen),"
        + " sample_request_id = excluded.sample_request_id");
    upsertInstance = connection.prepareStatement("INSERT INTO instances (service, host, pid,"
        + " sdk, last_seen) VALUES (?, ?, ?, ?, ?) ON CONFLICT (service, host, pid) DO UPDATE"
        + " SET sdk = excluded.sdk, last_seen = max(last_seen, excluded.last_seen)");
    upsertHeartbeat = connection.prepareStatement("INSERT INTO instances (service, host, pid,"
        + " sdk, last_seen, ts, cpu_pct, rss_bytes, in_flight, dropped)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (service, host, pid) DO UPDATE"
        + " SET sdk = excluded.sdk, last_seen = max(last_seen, excluded.last_seen),"
        + " ts = excluded.ts, cpu_pct = excluded.cpu_pct, rss_bytes = excluded.rss_bytes,"
        + " in_flight = excluded.in_flight, dropped = excluded.dropped"
        + " WHERE instances.ts IS NULL OR excluded.ts >= instances.ts");
    markMinute = connection.prepareStatement("INSERT INTO marks (minute, first_event_id,"
        + " first_outgoing_id) VALUES (?, ?, ?) ON CONFLICT (minute) DO UPDATE SET"
        + " first_event_id = coalesce(first_event_id, excluded.first_event_id),"
        + " first_outgoing_id = coalesce(first_outgoing_id, excluded.first_outgoing_id)");
    lastRowId = connection.prepareStatement("SELECT last_insert_rowid()");
  }

  /**
   * Stores the batches in one transaction and commits it.
   *
   * @return for each batch, in order, whether it was stored before (then nothing of it is
   *     written); a batch id repeated within the group is a duplicate from its second use on
   * @throws SQLException after rolling the whole group back
   */
  boolean[] write(List<Batch> batches) throws SQLException {
    boolean[] duplicate = new boolean[batches.size()];
    try {
      for (int i = 0; i < batches.size(); i++) {
        Batch batch = batches.get(i);
        insertBatch.setString(1, batch.batchId());
        insertBatch.setString(2, batch.service());
        insertBatch.setLong(3, batch.receivedAtMillis());
        duplicate[i] = insertBatch.executeUpdate() == 0;
        if (!duplicate[i]) {
          addRows(batch);
        }
      }
      long firstEvent = insertRows(insertEvent, eventRows);
      long firstOutgoing = insertRows(insertOutgoing, outgoingRows);
      mark(batches.get(0).receivedAtMillis(), firstEvent, firstOutgoing);
      upsertErrorGroup.executeBatch();
      upsertInstance.executeBatch();
      upsertHeartbeat.executeBatch();
      connection.commit();
      return duplicate;
    } catch (SQLException | RuntimeException e) {
      clearBatches();
      names.forget();
      connection.rollback();
      throw e;
    } finally {
      eventRows = 0;
      outgoingRows = 0;
    }
  }

  /** Runs the batched inserts; returns the id of the first row, or 0 when there were none. */
  private long insertRows(PreparedStatement insert, int rows) throws SQLException {
    if (rows == 0) {
      return 0;
    }
    insert.executeBatch();
    try (ResultSet last = lastRowId.executeQuery()) {
      last.next();
      // One writer appends: the rows of this batch took consecutive ids.
      return last.getLong(1) - rows + 1;
    }
  }

  /**
   * Notes the first rows received in this minute (the collector's clock), so that retention
   * and replay find a time range by row id rather than through an index on every row.
   */
  private void mark(long receivedAtMillis, long firstEvent, long firstOutgoing)
      throws SQLException {
    if (firstEvent == 0 && firstOutgoing == 0) {
      return;
    }
    markMinute.setLong(1, Math.floorDiv(receivedAtMillis, 60_000L));
    setNullableId(markMinute, 2, firstEvent);
    setNullableId(markMinute, 3, firstOutgoing);
    markMinute.executeUpdate();
  }

  private static void setNullableId(PreparedStatement s, int index, long id)
      throws SQLException {
    if (id == 0) {
      s.setNull(index, Types.INTEGER);
    } else {
      s.setLong(index, id);
    }
  }

  private void addRows(Batch batch) throws SQLException {
    String service = batch.service();
    Instance instance = batch.instance();
    Map<String, ErrorSample> errors = null;
    long source = names.source(service, instance.host(), instance.pid());
    for (RequestEvent event : batch.events()) {
      String fingerprint = ErrorGroups.fingerprintOf(event);
      addEvent(source, event, fingerprint);
      if (fingerprint != null) {
        if (errors == null) {
          errors = new LinkedHashMap<>();
        }
        errors.merge(fingerprint, new ErrorSample(event), ErrorSample::merge);
      }
    }
    for (OutgoingCall call : batch.outgoing()) {
      addOutgoing(service, call);
    }
    if (errors != null) {
      for (Map.Entry<String, ErrorSample> group : errors.entrySet()) {
        addErrorGroup(service, group.getKey(), group.getValue());
      }
    }
    addInstance(batch);
  }

  private void addEvent(long source, RequestEvent e, String fingerprint) throws SQLException {
    PreparedStatement s = insertEvent;
    s.setLong(1, e.tsMillis());
    s.setLong(2, source);
    s.setLong(3, names.route(e.method(), e.route()));
    setNullable(s, 4, e.requestId());
    setNullable(s, 5, e.correlationId());
    setNullable(s, 6, e.parentId());
    s.setInt(7, e.status());
    s.setLong(8, e.durationMicros());
    s.setInt(9, e.db().count());
    s.setLong(10, e.db().micros());
    setNullable(s, 11, SlowestJson.of(e.db().slowest()));
    s.setInt(12, e.out().count());
    s.setLong(13, e.out().micros());
    setNullable(s, 14, fingerprint);
    s.addBatch();
    eventRows++;
  }

  private void addOutgoing(String service, OutgoingCall c) throws SQLException {
    PreparedStatement s = insertOutgoing;
    s.setLong(1, c.tsMillis());
    s.setString(2, service);
    setNullable(s, 3, c.requestId());
    setNullable(s, 4, c.route());
    s.setString(5, c.method());
    s.setString(6, c.host());
    s.setInt(7, c.status());
    s.setLong(8, c.durationMicros());
    s.setInt(9, c.error() ? 1 : 0);
    s.addBatch();
    outgoingRows++;
  }

  private void addErrorGroup(String service, String fingerprint, ErrorSample sample)
      throws SQLException {
    PreparedStatement s = upsertErrorGroup;
    RequestEvent latest = sample.latest;
    ErrorInfo error = latest.error();
    s.setString(1, service);
    s.setString(2, fingerprint);
    s.setString(3, ErrorGroups.typeOf(latest));
    setNullable(s, 4, error == null ? null : error.message());
    setNullable(s, 5, error == null ? null : error.stack());
    s.setLong(6, sample.firstSeenMillis);
    s.setLong(7, latest.tsMillis());
    setNullable(s, 8, latest.requestId());
    s.addBatch();
  }

  private void addInstance(Batch batch) throws SQLException {
    Instance instance = batch.instance();
    Heartbeat heartbeat = batch.heartbeat();
    PreparedStatement s = heartbeat == null ? upsertInstance : upsertHeartbeat;
    s.setString(1, batch.service());
    s.setString(2, instance.host());
    s.setLong(3, instance.pid());
    s.setString(4, instance.sdk());
    s.setLong(5, batch.receivedAtMillis());
    if (heartbeat != null) {
      s.setLong(6, heartbeat.tsMillis());
      s.setDouble(7, heartbeat.cpuPercent());
      s.setLong(8, heartbeat.rssBytes());
      s.setInt(9, heartbeat.inFlight());
      s.setLong(10, heartbeat.dropped());
    }
    s.addBatch();
  }

  private static void setNullable(PreparedStatement s, int index, String value)
      throws SQLException {
    if (value == null) {
      s.setNull(index, Types.VARCHAR);
    } else {
      s.setString(index, value);
    }
  }

  private void clearBatches() {
    for (PreparedStatement s : List.of(insertEvent, insertOutgoing, upsertErrorGroup,
        upsertInstance, upsertHeartbeat)) {
      try {
        s.clearBatch();
      } catch (SQLException ignored) {
        // The statement is unusable anyway; the rollback below reports the real failure.
      }
    }
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement s : List.of(insertBatch, insertEvent, insertOutgoing,
        upsertErrorGroup, upsertInstance, upsertHeartbeat, markMinute, lastRowId)) {
      s.close();
    }
    names.close();
  }

  /** The latest event of one error group within a batch, and when the group first showed. */
  private static final class ErrorSample {
    RequestEvent latest;
    long firstSeenMillis;

    ErrorSample(RequestEvent event) {
      latest = event;
      firstSeenMillis = event.tsMillis();
    }

    ErrorSample merge(ErrorSample other) {
      if (other.latest.tsMillis() >= latest.tsMillis()) {
        latest = other.latest;
      }
      firstSeenMillis = Math.min(firstSeenMillis, other.firstSeenMillis);
      return this;
    }
  }
}
