// The settings dialog: LLM provider, key, model and base URL for "analyze". Everything is
// saved in this browser's localStorage (see ../analyze/settings.js).

import {fill, h} from '../dom.js';
import {
  PROVIDERS, loadSettings, providerSettings, saveSettings,
} from '../analyze/settings.js';

export function mount(dialog, store) {
  let settings = loadSettings();

  const provider = h('select', {id: 'llm-provider'},
    Object.entries(PROVIDERS).map(([id, p]) => h('option', {value: id}, p.label)));
  const key = h('input', {id: 'llm-key', type: 'password', autocomplete: 'off',
    spellcheck: 'false'});
  const model = h('input', {id: 'llm-model', type: 'text', spellcheck: 'false'});
  const baseUrl = h('input', {id: 'llm-base-url', type: 'url', spellcheck: 'false'});
  const keyRow = h('label', {class: 'form-row'}, h('span', null, 'API key'), key);
  const note = h('p', {class: 'muted', id: 'settings-note'});

  // Shows the saved values of the provider picked in the list.
  const showProvider = (id) => {
    const own = providerSettings(settings, id);
    provider.value = id;
    key.value = own.key;
    model.value = own.model;
    model.placeholder = PROVIDERS[id].model;
    baseUrl.value = own.baseUrl;
    baseUrl.placeholder = PROVIDERS[id].baseUrl;
    keyRow.hidden = !PROVIDERS[id].needsKey;
  };
  provider.addEventListener('change', () => showProvider(provider.value));

  const save = () => {
    const id = provider.value;
    settings = {
      ...settings,
      provider: id,
      [id]: {key: key.value.trim(), model: model.value.trim(), baseUrl: baseUrl.value.trim()},
    };
    saveSettings(settings);
    store.set({settingsOpen: false});
  };

  fill(dialog,
    h('h2', null, 'AI assist settings'),
    h('p', {class: 'muted'}, 'Stored in this browser only (localStorage). "analyze" sends a ' +
      'metrics snapshot from this page straight to the provider; the collector never sees ' +
      'your key.'),
    h('label', {class: 'form-row'}, h('span', null, 'provider'), provider),
    keyRow,
    h('label', {class: 'form-row'}, h('span', null, 'model'), model),
    h('label', {class: 'form-row'}, h('span', null, 'base URL'), baseUrl),
    note,
    h('div', {class: 'dialog-buttons'},
      h('button', {type: 'button', class: 'button', id: 'settings-cancel',
        onclick: () => store.set({settingsOpen: false})}, 'cancel'),
      h('button', {type: 'button', class: 'button primary', id: 'settings-save',
        onclick: save}, 'save')));

  dialog.addEventListener('close', () => store.set({settingsOpen: false}));
  store.subscribe(['settingsOpen'], (state) => {
    if (state.settingsOpen && !dialog.open) {
      settings = loadSettings();
      showProvider(settings.provider);
      note.textContent = state.settingsNote || '';
      dialog.showModal();
    } else if (!state.settingsOpen && dialog.open) {
      dialog.close();
    }
  });
}
