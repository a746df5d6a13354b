// The "analyze" panel. A request in the store, {scope, title, at}, where scope is
// {method, route}, {prefix} or {}, runs: GET /api/snapshot → prompt → the provider chosen
// in the settings, called from this page. The answer is shown as plain text.

import * as api from '../api.js';
import {fill, h} from '../dom.js';
import {buildPrompt} from '../analyze/prompt.js';
import {ask} from '../analyze/providers.js';
import {PROVIDERS, isReady, loadSettings, providerSettings} from '../analyze/settings.js';

export function mount(el, store) {
  let current = 0;

  const draw = ({title, status, text, prompt, via}) => {
    el.hidden = false;
    el.dataset.status = status;
    fill(el,
      h('div', {class: 'card-header'},
        h('h2', null, 'analysis: ', title),
        h('div', {class: 'card-tools'},
          h('span', {class: 'muted'}, via),
          h('button', {type: 'button', class: 'link', id: 'analysis-close',
            onclick: () => {
              current++;
              el.hidden = true;
            }}, 'close'))),
      h('div', {class: 'answer ' + status, id: 'analysis-answer'}, text),
      prompt ? h('details', {class: 'prompt'}, h('summary', null, 'prompt sent'),
        h('pre', null, prompt)) : null);
  };

  const run = async ({scope, title}) => {
    const settings = loadSettings();
    if (!isReady(settings)) {
      store.set({settingsOpen: true,
        settingsNote: 'Add an API key (or pick Ollama) to use "analyze".'});
      return;
    }
    const run = ++current;
    const own = providerSettings(settings);
    const via = PROVIDERS[settings.provider].label + ' · ' + own.model;
    const state = store.get();
    draw({title, status: 'running', text: 'collecting the snapshot…', via});
    el.scrollIntoView({block: 'nearest'});
    let prompt = null;
    try {
      const snapshot = await api.snapshot(state.service, state.window, scope);
      prompt = buildPrompt(snapshot, title);
      if (run !== current) return;
      draw({title, status: 'running', text: 'asking ' + via + '…', prompt, via});
      const answer = await ask(settings, prompt);
      if (run !== current) return;
      draw({title, status: 'done', text: answer, prompt, via});
    } catch (e) {
      if (run !== current) return;
      draw({title, status: 'failed', text: e.message, prompt, via});
    }
  };

  store.subscribe(['analyzeRequest'], (state) => {
    if (state.analyzeRequest) run(state.analyzeRequest);
  });
}
