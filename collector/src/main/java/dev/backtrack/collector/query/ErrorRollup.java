package dev.backtrack.collector.query;

import dev.backtrack.collector.model.RequestEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Error groups of the last hour: what each group is (type, message, first and last seen, the
 * routes it happened on) and how many errors it had per second.
 */
final class ErrorRollup {
  /** Groups kept per service; errors of further groups are not tracked in memory. */
  static final int MAX_GROUPS_PER_SERVICE = 1_000;

  /** Routes remembered per group. */
  static final int MAX_ROUTES_PER_GROUP = 20;

  /** Counts per second and per minute: an hour's answer reads minutes, not 3,600 seconds. */
  private final StatsRing<ErrorKey> counts = new StatsRing<>();
  private final Map<ErrorKey, Group> groups = new HashMap<>();
  private final Map<String, Integer> groupsPerService = new HashMap<>();

  /** What is known of one group. Times are ms since the epoch. */
  static final class Group {
    String type;
    String message;
    long firstSeenMillis = Long.MAX_VALUE;
    long lastSeenMillis = Long.MIN_VALUE;
    final Set<String> routes = new LinkedHashSet<>();
    /** The latest event of the group, or null when none was seen in the hour. */
    RequestEvent sample;
  }

  /** One group and its error count over a window. */
  record Counted(ErrorKey key, Group group, long count) {}

  /** Sets type and message of a group (the latest sample's), creating the group if needed. */
  void describe(ErrorKey key, String type, String message, long firstSeen, long lastSeen) {
    Group group = group(key);
    if (group == null) {
      return;
    }
    group.type = type;
    group.message = message;
    group.firstSeenMillis = Math.min(group.firstSeenMillis, firstSeen);
    group.lastSeenMillis = Math.max(group.lastSeenMillis, lastSeen);
  }

  /** Counts one error of {@code key} at {@code tsMillis}, placed in bucket {@code second}. */
  void record(long second, ErrorKey key, String type, String message, RequestEvent event,
      String routeLabel) {
    long tsMillis = event.tsMillis();
    Group group = group(key);
    if (group == null) {
      return;
    }
    if (tsMillis >= group.lastSeenMillis || group.type == null) {
      if (type != null) {
        group.type = type;
        group.message = message;
      }
    }
    if (group.sample == null || tsMillis >= group.sample.tsMillis()) {
      group.sample = event;
    }
    group.firstSeenMillis = Math.min(group.firstSeenMillis, tsMillis);
    group.lastSeenMillis = Math.max(group.lastSeenMillis, tsMillis);
    if (group.routes.size() < MAX_ROUTES_PER_GROUP) {
      group.routes.add(routeLabel);
    }
    counts.record(second, key, 0, true, 0, 0, 0, 0);
  }

  /** Groups of {@code service} (null: all) with errors in the seconds {@code [from, to]}. */
  List<Counted> inWindow(String service, long from, long to) {
    Map<ErrorKey, long[]> sums = new HashMap<>();
    counts.forEach(from, to, (start, bucket) -> bucket.forEach((key, stats) -> {
      if (key.inService(service)) {
        sums.computeIfAbsent(key, k -> new long[1])[0] += stats.count;
      }
    }));
    List<Counted> out = new ArrayList<>(sums.size());
    sums.forEach((key, n) -> out.add(new Counted(key, groups.get(key), n[0])));
    return out;
  }

  Group find(ErrorKey key) {
    return groups.get(key);
  }

  /** Forgets groups last seen before {@code oldestMillis}. */
  void prune(long oldestMillis) {
    for (Iterator<Map.Entry<ErrorKey, Group>> it = groups.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<ErrorKey, Group> entry = it.next();
      if (entry.getValue().lastSeenMillis < oldestMillis) {
        groupsPerService.merge(entry.getKey().service(), -1, Integer::sum);
        it.remove();
      }
    }
  }

  private Group group(ErrorKey key) {
    Group group = groups.get(key);
    if (group == null) {
      int known = groupsPerService.getOrDefault(key.service(), 0);
      if (known >= MAX_GROUPS_PER_SERVICE) {
        return null;
      }
      groupsPerService.put(key.service(), known + 1);
      group = new Group();
      groups.put(key, group);
    }
    return group;
  }
}
