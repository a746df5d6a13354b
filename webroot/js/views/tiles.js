// The figure tiles, from the snapshot's `overview`:
//   {requests, rps, errors, error_rate, avg_ms, max_ms, p50_ms, p95_ms, p99_ms,
//    in_flight, cpu_pct, rss_bytes, instances}

import {fill, h} from '../dom.js';
import * as fmt from '../format.js';

const TILES = [
  {key: 'rps', label: 'RPS', value: (o) => fmt.rate(o.rps)},
  {key: 'error_rate', label: 'error rate', value: (o) => fmt.percent(o.error_rate),
    warn: (o) => o.error_rate >= 0.05},
  {key: 'avg_ms', label: 'avg latency', value: (o) => fmt.ms(o.avg_ms)},
  {key: 'max_ms', label: 'max latency', value: (o) => fmt.ms(o.max_ms)},
  {key: 'p95_ms', label: 'p95', value: (o) => fmt.ms(o.p95_ms)},
  {key: 'p99_ms', label: 'p99', value: (o) => fmt.ms(o.p99_ms)},
  {key: 'in_flight', label: 'in-flight', value: (o) => fmt.count(o.in_flight)},
  {key: 'cpu_pct', label: 'CPU', value: (o) => fmt.cpu(o.cpu_pct)},
  {key: 'rss_bytes', label: 'memory', value: (o) => fmt.bytes(o.rss_bytes)},
];

export function mount(el, store) {
  const values = new Map();
  fill(el, ...TILES.map((tile) => {
    const value = h('div', {class: 'tile-value'}, '–');
    values.set(tile.key, value);
    return h('div', {class: 'tile', dataset: {tile: tile.key}},
      h('div', {class: 'tile-label'}, tile.label), value);
  }));

  store.subscribe(['snapshot'], (state) => {
    const overview = (state.snapshot && state.snapshot.overview) || {};
    // When the figures on screen were computed (tests wait for a newer one).
    if (state.snapshot) el.dataset.updated = String(state.snapshot.ts);
    for (const tile of TILES) {
      const value = values.get(tile.key);
      value.textContent = tile.value(overview);
      value.parentElement.classList.toggle('warn', Boolean(tile.warn && tile.warn(overview)));
    }
  });
}
