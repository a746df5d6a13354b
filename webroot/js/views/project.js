// The project section: two tabs, the scanned source tree and the routes → hosts graph.

import {fill, h} from '../dom.js';
import * as graph from './graph.js';
import * as tree from './tree.js';

const TABS = [
  {id: 'tree', label: 'tree', view: tree},
  {id: 'graph', label: 'graph', view: graph},
];

export function mount(el, store) {
  const panels = new Map();
  const buttons = TABS.map((tab) => h('button', {
    type: 'button',
    role: 'tab',
    class: 'tab',
    id: 'tab-' + tab.id,
    dataset: {tab: tab.id},
    onclick: () => store.set({tab: tab.id}),
  }, tab.label));
  for (const tab of TABS) {
    panels.set(tab.id, h('div', {role: 'tabpanel', id: 'panel-' + tab.id,
      class: 'tab-panel', 'aria-labelledby': 'tab-' + tab.id}));
  }
  fill(el,
    h('div', {class: 'card-header'}, h('h2', null, 'project'),
      h('div', {class: 'tabs', role: 'tablist'}, buttons)),
    ...panels.values());

  const show = (state) => {
    for (const b of buttons) b.setAttribute('aria-selected', String(b.dataset.tab === state.tab));
    for (const [id, panel] of panels) panel.hidden = id !== state.tab;
  };
  store.subscribe(['tab'], show);
  show(store.get());
  for (const tab of TABS) tab.view.mount(panels.get(tab.id), store);
}
