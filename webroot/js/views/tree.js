// The scanned source tree, from GET /api/tree?service=:
//   {service, scanned, root: Node}
//   Node = {name, path, kind: 'folder', children: [Node]}
//        | {name, path, kind: 'file', endpoints: [{method, route, line, handler, requests,
//                                                  rps, error_rate, avg_ms, no_traffic}]}
// A folder's "filter" chip scopes the routes table (and its "analyze folder") to that folder.

import * as api from '../api.js';
import {codeLine, emptyState, fill, h} from '../dom.js';
import * as fmt from '../format.js';

/** Live figures come with each fetch; the tree is fetched again at most this often. */
const REFRESH_MS = 5000;

export function mount(el, store) {
  const collapsed = new Set();
  let lastFetch = 0;
  let fetching = false;
  let answer = null; // {service, tree} or {service, error}

  const refresh = async (force) => {
    const state = store.get();
    if (state.tab !== 'tree' || fetching) return;
    if (!force && Date.now() - lastFetch < REFRESH_MS) return;
    fetching = true;
    lastFetch = Date.now();
    const service = state.service;
    try {
      answer = {service, tree: await api.tree(service, state.window)};
    } catch (e) {
      answer = {service, error: e.message};
    } finally {
      fetching = false;
    }
    if (service === store.get().service) draw(store.get());
  };

  const chip = (folder, state) => h('button', {
    type: 'button',
    class: 'chip' + (state.folder && state.folder.path === folder.path ? ' active' : ''),
    dataset: {folder: folder.path},
    title: 'show only the routes defined below this folder',
    onclick: (e) => {
      e.preventDefault();
      const active = state.folder && state.folder.path === folder.path;
      store.set({folder: active ? null : {path: folder.path, name: folder.name}});
    },
  }, 'filter');

  const endpoint = (ep) => h('li', {
    class: 'endpoint' + (ep.no_traffic ? ' idle' : ''),
    dataset: {method: ep.method, route: ep.route},
  },
  h('span', {class: 'method'}, ep.method), ' ',
  h('span', {class: 'route'}, ep.route),
  ep.no_traffic ?
    h('span', {class: 'badge'}, 'no traffic') :
    h('span', {class: 'figures'}, fmt.rate(ep.rps) + ' rps · ' +
      fmt.percent(ep.error_rate) + ' err · ' + fmt.ms(ep.avg_ms)),
  ep.line ? h('span', {class: 'muted line'}, ':' + ep.line) : null);

  const node = (n, state) => {
    if (n.kind === 'file') {
      return h('li', {class: 'file'}, h('div', {class: 'file-name'}, n.name),
        h('ul', {class: 'endpoints'}, (n.endpoints || []).map(endpoint)));
    }
    // Folders with a single sub-folder are shown as one line: src/main/java/shop.
    let folder = n;
    let name = n.name;
    while ((folder.children || []).length === 1 && folder.children[0].kind === 'folder') {
      folder = folder.children[0];
      name += '/' + folder.name;
    }
    const details = h('details', {open: !collapsed.has(folder.path)},
      h('summary', null, h('span', {class: 'folder-name'}, name), chip(folder, state)),
      h('ul', null, (folder.children || []).map((c) => node(c, state))));
    details.addEventListener('toggle', () => {
      if (details.open) collapsed.delete(folder.path);
      else collapsed.add(folder.path);
    });
    return h('li', {class: 'folder', dataset: {path: folder.path}}, details);
  };

  const draw = (state) => {
    if (!answer || answer.service !== state.service) {
      fill(el, h('p', {class: 'muted'}, 'loading…'));
      return;
    }
    if (answer.error) {
      fill(el, emptyState('The source tree is not available.', answer.error));
      return;
    }
    const t = answer.tree;
    const scannedServices = (state.services || []).filter((s) => s.scanned);
    if (!state.service && scannedServices.length > 0) {
      // A tree belongs to one code base: folder filters and analysis are per service.
      fill(el, emptyState('Choose a service to see its source tree.',
        'Scanned: ' + scannedServices.map((s) => s.name).join(', ') + '.'));
      return;
    }
    if (!t.scanned) {
      fill(el, emptyState('No source scan for ' +
        (state.service ? 'service ' + state.service : 'these services') + '.',
      codeLine('Start the collector with ', ['--scan <source folder> --scan-service <name>'],
        ' to list every route your code defines, also those that got no traffic.')));
      return;
    }
    // The root has no name: its children are the top-level entries.
    const top = t.root.children || [];
    fill(el, h('ul', {class: 'tree', id: 'tree'}, top.map((c) => node(c, state))));
  };

  store.subscribe(['service'], () => {
    answer = null;
    draw(store.get());
    refresh(true);
  });
  store.subscribe(['tab', 'window'], () => refresh(true));
  store.subscribe(['snapshot'], () => refresh(false));
  store.subscribe(['folder', 'services'], (state) => draw(state));
  draw(store.get());
  refresh(true);
}
