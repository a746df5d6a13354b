// The routes table, from the snapshot's `routes`:
//   [{service, method, route, requests, rps, errors, error_rate, avg_ms, max_ms, p50_ms,
//     p95_ms, p99_ms, db_q, db_ms, out, out_ms, discovered, file, line}]
// Sorted by clicking a header; scoped to a folder of the tree when one is chosen.

import {cardHeader, codeLine, emptyState, fill, h} from '../dom.js';
import * as fmt from '../format.js';

/** Queries per request from which a route is flagged: likely an N+1 pattern. */
const N_PLUS_ONE_QUERIES = 10;

const COLUMNS = [
  {key: 'method', label: 'method', text: (r) => r.method},
  {key: 'route', label: 'route', text: (r) => r.route},
  {key: 'rps', label: 'RPS', num: true, text: (r) => fmt.rate(r.rps)},
  {key: 'error_rate', label: 'err %', num: true, text: (r) => fmt.percent(r.error_rate),
    bad: (r) => r.error_rate >= 0.05},
  {key: 'avg_ms', label: 'avg', num: true, text: (r) => fmt.ms(r.avg_ms)},
  {key: 'p95_ms', label: 'p95', num: true, text: (r) => fmt.ms(r.p95_ms)},
  {key: 'max_ms', label: 'max', num: true, text: (r) => fmt.ms(r.max_ms)},
  {key: 'db_q', label: 'DB q', num: true, text: (r) => fmt.num(r.db_q),
    bad: (r) => r.db_q >= N_PLUS_ONE_QUERIES,
    title: (r) => (r.db_q >= N_PLUS_ONE_QUERIES ? 'many queries per request: N+1?' : null)},
  {key: 'db_ms', label: 'DB ms', num: true, text: (r) => fmt.ms(r.db_ms)},
  {key: 'out', label: 'out', num: true, text: (r) => fmt.num(r.out)},
  {key: 'requests', label: 'total', num: true, text: (r) => fmt.count(r.requests)},
];

export function mount(el, store) {
  let sort = {key: 'requests', descending: true};

  const analyze = (scope, title) =>
    store.set({analyzeRequest: {scope, title, at: Date.now()}});

  const header = () => h('tr', null,
    COLUMNS.map((c) => h('th', {
      class: c.num ? 'num sortable' : 'sortable',
      dataset: {sort: c.key},
      'aria-sort': sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : null,
      onclick: () => {
        sort = {key: c.key, descending: sort.key === c.key ? !sort.descending : !!c.num};
        draw(store.get());
      },
    }, c.label)),
    h('th', null, ''));

  // Figures of a route that got no request are meaningless zeros: show dashes.
  const cellText = (c, r) => (r.requests === 0 && c.num && c.key !== 'requests' &&
    c.key !== 'rps' ? '–' : c.text(r));

  const row = (r) => h('tr', {
    class: r.requests === 0 ? 'idle' : null,
    dataset: {method: r.method, route: r.route},
    title: r.requests === 0 ? 'no traffic in this window' : null,
  },
  COLUMNS.map((c) => h('td', {
    class: [c.num ? 'num' : '', c.bad && c.bad(r) ? 'bad' : '', 'col-' + c.key].join(' '),
    title: c.title ? c.title(r) : null,
  }, cellText(c, r))),
  h('td', null, h('button', {
    type: 'button',
    class: 'link analyze',
    onclick: () => analyze({method: r.method, route: r.route}, r.method + ' ' + r.route),
  }, 'analyze')));

  const folderBanner = (folder) => h('div', {class: 'banner', id: 'folder-banner'},
    h('span', null, 'routes in folder '), h('code', null, folder.path + '/'),
    h('button', {
      type: 'button',
      class: 'button',
      id: 'analyze-folder',
      onclick: () => analyze({prefix: folder.path}, 'folder ' + folder.path + '/'),
    }, 'analyze folder'),
    h('button', {type: 'button', class: 'link', onclick: () => store.set({folder: null})},
      'clear filter'));

  const draw = (state) => {
    const all = (state.snapshot && state.snapshot.routes) || [];
    const folder = state.folder;
    const routes = folder ?
      all.filter((r) => r.file && r.file.startsWith(folder.path + '/')) : all;
    const sorted = [...routes].sort(compare(sort));
    const body = sorted.length ?
      h('div', {class: 'table-wrap'}, h('table', {class: 'table', id: 'routes-table'},
        h('thead', null, header()), h('tbody', null, sorted.map(row)))) :
      emptyState(folder ? 'No route of this folder in the window.' : 'No requests yet.',
        codeLine('Routes appear once an instrumented service serves requests. ',
          'Try the built-in demo: ', ['java -jar backtrack.jar demo'], '.'));
    fill(el, cardHeader('routes', h('span', {class: 'muted'},
      sorted.length + ' of ' + all.length)), folder ? folderBanner(folder) : null, body);
  };

  store.subscribe(['snapshot', 'folder'], draw);
  draw(store.get());
}

function compare({key, descending}) {
  return (a, b) => {
    const x = a[key];
    const y = b[key];
    let order;
    if (typeof x === 'string' || typeof y === 'string') {
      order = String(x ?? '').localeCompare(String(y ?? ''));
    } else {
      order = (x ?? -1) - (y ?? -1);
    }
    return descending ? -order : order;
  };
}
