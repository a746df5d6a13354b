// Grouped errors, from the snapshot's `errors`:
//   [{fingerprint, service, type, message, count, first_seen, last_seen, routes: [string]}]
// A click on a group shows its latest sample inline, from GET /api/errors/{fingerprint}:
//   {…group, stack, sample: {ts, method, route, status, request_id, correlation_id}}

import * as api from '../api.js';
import {cardHeader, emptyState, fill, h} from '../dom.js';
import * as fmt from '../format.js';

export function mount(el, store) {
  // fingerprint → {status: 'loading' | 'done' | 'failed', detail, message}
  const open = new Map();

  const toggle = async (group) => {
    const key = group.service + '\u0000' + group.fingerprint;
    if (open.has(key)) {
      open.delete(key);
      draw(store.get());
      return;
    }
    open.set(key, {status: 'loading'});
    draw(store.get());
    try {
      const detail = await api.errorGroup(group.fingerprint, group.service,
        store.get().window);
      if (open.has(key)) open.set(key, {status: 'done', detail});
    } catch (e) {
      if (open.has(key)) open.set(key, {status: 'failed', message: e.message});
    }
    draw(store.get());
  };

  const sample = (entry) => {
    if (entry.status === 'loading') return h('p', {class: 'muted'}, 'loading the sample…');
    if (entry.status === 'failed') return h('p', {class: 'bad'}, entry.message);
    const s = entry.detail.sample || {};
    return h('div', {class: 'sample'},
      h('p', {class: 'muted'}, 'latest sample: ',
        [s.method, s.route, s.status ? '→ ' + s.status : null, fmt.time(s.ts)]
          .filter(Boolean).join(' '),
        s.correlation_id ? ' · correlation ' + s.correlation_id : ''),
      h('pre', {class: 'stack'}, entry.detail.stack || '(no stack trace was reported)'));
  };

  const rows = (group, showService) => {
    const key = group.service + '\u0000' + group.fingerprint;
    const entry = open.get(key);
    const summary = h('tr', {
      class: 'expandable' + (entry ? ' open' : ''),
      dataset: {fingerprint: group.fingerprint},
      tabindex: '0',
      'aria-expanded': String(Boolean(entry)),
      onclick: () => toggle(group),
      onkeydown: (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          toggle(group);
        }
      },
    },
    h('td', {class: 'error-name'}, h('span', {class: 'error-type'}, group.type),
      group.message ? h('span', {class: 'error-message'}, group.message) : null),
    showService ? h('td', null, group.service) : null,
    h('td', {class: 'num'}, fmt.count(group.count)),
    h('td', {class: 'nowrap'}, fmt.time(group.first_seen)),
    h('td', {class: 'nowrap'}, fmt.time(group.last_seen)),
    h('td', {class: 'routes-list'}, (group.routes || []).join(', ')));
    if (!entry) return [summary];
    return [summary, h('tr', {class: 'detail'},
      h('td', {colspan: showService ? 6 : 5}, sample(entry)))];
  };

  const draw = (state) => {
    const groups = (state.snapshot && state.snapshot.errors) || [];
    const showService = !state.service;
    fill(el, cardHeader('errors', h('span', {class: 'muted'},
      groups.length + (groups.length === 1 ? ' group' : ' groups'))),
    groups.length ?
      h('div', {class: 'table-wrap'}, h('table', {class: 'table', id: 'errors-table'},
        h('thead', null, h('tr', null, h('th', null, 'error'),
          showService ? h('th', null, 'service') : null, h('th', {class: 'num'}, 'count'),
          h('th', null, 'first seen'), h('th', null, 'last seen'), h('th', null, 'routes'))),
        h('tbody', null, groups.map((g) => rows(g, showService))))) :
      emptyState('No errors in this window.',
        'Responses with status 500 or above and requests that threw an exception are ' +
        'grouped here by their stack trace.'));
  };

  store.subscribe(['snapshot', 'service'], draw);
  draw(store.get());
}
