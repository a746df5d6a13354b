// The page's state in one place. Views read it and subscribe to the keys they draw.
//
// State shape:
//   service:    string, '' for all services
//   window:     '1m' | '5m' | '15m' | '1h'
//   services:   [{name, instances, live_instances, last_seen, scanned}]  (GET /api/services)
//   servicesLoaded: boolean, true once /api/services answered
//   snapshot:   the latest `event: snapshot` of /api/stream, or null:
//               {ts, service, window_s, overview, timeseries, routes, errors, outgoing, graph}
//   connection: 'connecting' | 'live' | 'reconnecting'
//   folder:     null or {path, name}: the tree folder that scopes the routes table
//   analysis:   null or {title, status: 'running' | 'done' | 'failed', text}

export function createStore(initial) {
  let state = {...initial};
  const listeners = [];
  return {
    get: () => state,
    /** Merges `patch` and tells every listener interested in one of the changed keys. */
    set(patch) {
      const changed = Object.keys(patch).filter((k) => state[k] !== patch[k]);
      if (changed.length === 0) return;
      state = {...state, ...patch};
      for (const {keys, fn} of listeners) {
        if (!keys || changed.some((k) => keys.includes(k))) fn(state, changed);
      }
    },
    /** fn(state, changedKeys) on every change of one of `keys` (all keys when omitted). */
    subscribe(keys, fn) {
      listeners.push({keys, fn});
    },
  };
}
