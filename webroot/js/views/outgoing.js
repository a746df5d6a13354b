// Outgoing HTTP per host, from the snapshot's `outgoing`:
//   [{host, calls, errors, error_rate, avg_ms, max_ms, p95_ms}]

import {cardHeader, emptyState, fill, h} from '../dom.js';
import * as fmt from '../format.js';

export function mount(el, store) {
  const draw = (state) => {
    const hosts = (state.snapshot && state.snapshot.outgoing) || [];
    fill(el, cardHeader('outgoing HTTP'), hosts.length ?
      h('div', {class: 'table-wrap'}, h('table', {class: 'table', id: 'outgoing-table'},
        h('thead', null, h('tr', null, h('th', null, 'host'), h('th', {class: 'num'}, 'calls'),
          h('th', {class: 'num'}, 'err %'), h('th', {class: 'num'}, 'avg'),
          h('th', {class: 'num'}, 'p95'), h('th', {class: 'num'}, 'max'))),
        h('tbody', null, hosts.map((o) => h('tr', {dataset: {host: o.host}},
          h('td', null, o.host),
          h('td', {class: 'num'}, fmt.count(o.calls)),
          h('td', {class: 'num' + (o.error_rate >= 0.05 ? ' bad' : '')},
            fmt.percent(o.error_rate)),
          h('td', {class: 'num'}, fmt.ms(o.avg_ms)),
          h('td', {class: 'num'}, fmt.ms(o.p95_ms)),
          h('td', {class: 'num'}, fmt.ms(o.max_ms))))))) :
      emptyState('No outgoing calls in this window.',
        'Calls your service makes through an HTTP client the SDK instruments are listed ' +
        'here per host, with their error rate and latency.'));
  };
  store.subscribe(['snapshot'], draw);
  draw(store.get());
}
