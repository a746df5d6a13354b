// The top bar: service selector, window selector, live state and the settings button.

import {fill, h} from '../dom.js';
import {WINDOWS} from '../location.js';

const CONNECTION_TEXT = {
  connecting: 'connecting…',
  live: 'live',
  reconnecting: 'reconnecting…',
};

export function mount(el, store) {
  const serviceSelect = h('select', {
    id: 'service-select',
    'aria-label': 'Service',
    onchange: () => store.set({service: serviceSelect.value, folder: null}),
  });
  const windowButtons = WINDOWS.map((w) =>
    h('button', {
      type: 'button',
      class: 'seg',
      dataset: {window: w},
      onclick: () => store.set({window: w}),
    }, w));
  const status = h('span', {id: 'connection', class: 'connection', role: 'status'});
  const settings = h('button', {
    type: 'button',
    id: 'settings-button',
    class: 'button',
    onclick: () => store.set({settingsOpen: true}),
  }, 'settings');

  fill(el,
    h('div', {class: 'brand'}, h('span', {class: 'logo', 'aria-hidden': 'true'}), 'backtrack'),
    h('label', {class: 'field'}, h('span', null, 'service'), serviceSelect),
    h('div', {class: 'segmented', role: 'group', 'aria-label': 'Window'}, windowButtons),
    h('div', {class: 'spacer'}),
    status,
    settings);

  const drawServices = (state) => {
    const names = state.services.map((s) => s.name);
    // Keep a chosen service listed even before it reports (a link from a colleague).
    if (state.service && !names.includes(state.service)) names.push(state.service);
    fill(serviceSelect,
      h('option', {value: ''}, 'all services'),
      names.map((name) => h('option', {value: name}, name)));
    serviceSelect.value = state.service;
  };
  const drawWindow = (state) => {
    for (const b of windowButtons) {
      b.setAttribute('aria-pressed', String(b.dataset.window === state.window));
    }
  };
  const drawConnection = (state) => {
    status.textContent = CONNECTION_TEXT[state.connection] || '';
    status.dataset.state = state.connection;
  };

  store.subscribe(['services', 'service'], drawServices);
  store.subscribe(['window'], drawWindow);
  store.subscribe(['connection'], drawConnection);
  const state = store.get();
  drawServices(state);
  drawWindow(state);
  drawConnection(state);
}
