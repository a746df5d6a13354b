package dev.backtrack.collector.query;

import dev.backtrack.collector.model.RequestEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the hops of recent correlation chains in memory, so that {@code /api/route_chains}
 * needs no index on the stored events. Most correlation ids are seen once, so an id waits in
 * a bounded list of singles until a second hop promotes it to a chain; both lists drop their
 * oldest entries when full. Not thread-safe: the rollups' owner feeds it.
 */
final class ChainTracker {
  static final int MAX_SINGLES = 50_000;
  static final int MAX_CHAINS = 20_000;
  static final int MAX_HOPS_PER_CHAIN = 64;

  /**
   * Earliest first; on the same ms the longer hop first, since a caller spans its callees and
   * the first hop stands for the whole chain.
   */
  private static final Comparator<ChainRow> IN_TIME_ORDER =
      Comparator.comparingLong(ChainRow::tsMillis)
          .thenComparing(Comparator.comparingLong(ChainRow::durationMicros).reversed());

  private final int maxHopsPerChain;
  private final Map<String, ChainRow> singles;
  /** In access order: the chain that went longest without a new hop is evicted first. */
  private final Map<String, List<ChainRow>> chains;

  ChainTracker() {
    this(MAX_SINGLES, MAX_CHAINS, MAX_HOPS_PER_CHAIN);
  }

  ChainTracker(int maxSingles, int maxChains, int maxHopsPerChain) {
    this.maxHopsPerChain = maxHopsPerChain;
    this.singles = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ChainRow> eldest) {
        return size() > maxSingles;
      }
    };
    this.chains = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, List<ChainRow>> eldest) {
        return size() > maxChains;
      }
    };
  }

  /** Adds one served request of {@code service}; hops may arrive in any order. */
  void add(String service, RequestEvent event) {
    String id = event.correlationId();
    if (id == null || id.isEmpty()) {
      return;
    }
    ChainRow hop = new ChainRow(id, event.tsMillis(), service, event.method(), event.route(),
        event.durationMicros(), event.isError());
    List<ChainRow> chain = chains.get(id);
    if (chain != null) {
      insert(chain, hop);
      return;
    }
    // Most ids are new: one lookup stores them, and only a second hop pays for the removal.
    ChainRow first = singles.putIfAbsent(id, hop);
    if (first == null) {
      return;
    }
    singles.remove(id);
    List<ChainRow> promoted = new ArrayList<>(4);
    promoted.add(first);
    insert(promoted, hop);
    chains.put(id, promoted);
  }

  /**
   * The hops since {@code fromMillis} of every chain with at least two of them there, grouped
   * by correlation id, each group in time order.
   */
  List<ChainRow> rows(long fromMillis) {
    List<ChainRow> rows = new ArrayList<>();
    for (List<ChainRow> chain : chains.values()) {
      int start = 0;
      while (start < chain.size() && chain.get(start).tsMillis() < fromMillis) {
        start++;
      }
      if (chain.size() - start >= 2) {
        rows.addAll(chain.subList(start, chain.size()));
      }
    }
    return rows;
  }

  /** Forgets hops older than {@code cutoffMillis}, and chains left with fewer than two. */
  void prune(long cutoffMillis) {
    singles.values().removeIf(hop -> hop.tsMillis() < cutoffMillis);
    Iterator<List<ChainRow>> it = chains.values().iterator();
    while (it.hasNext()) {
      List<ChainRow> chain = it.next();
      chain.removeIf(hop -> hop.tsMillis() < cutoffMillis);
      if (chain.size() < 2) {
        it.remove();
      }
    }
  }

  int singleCount() {
    return singles.size();
  }

  int chainCount() {
    return chains.size();
  }

  /** Keeps the chain in time order; past the cap the latest hop goes, keeping the first. */
  private void insert(List<ChainRow> chain, ChainRow hop) {
    int at = chain.size();
    while (at > 0 && IN_TIME_ORDER.compare(chain.get(at - 1), hop) > 0) {
      at--;
    }
    chain.add(at, hop);
    if (chain.size() > maxHopsPerChain) {
      chain.remove(chain.size() - 1);
    }
  }
}
