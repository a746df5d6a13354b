// Wiring only: state, views, the live stream and the list of services.

import * as api from './api.js';
import {readLocation, writeLocation} from './location.js';
import {createStore} from './store.js';
import {openStream} from './stream.js';
import * as analysis from './views/analysis.js';
import * as charts from './views/charts.js';
import * as errors from './views/errors.js';
import * as header from './views/header.js';
import * as notice from './views/notice.js';
import * as outgoing from './views/outgoing.js';
import * as project from './views/project.js';
import * as routes from './views/routes.js';
import * as settings from './views/settings.js';
import * as tiles from './views/tiles.js';

const SERVICES_REFRESH_MS = 10000;

api.captureToken();
const store = createStore({
  ...readLocation(),
  services: [],
  servicesLoaded: false,
  snapshot: null,
  connection: 'connecting',
  folder: null,
  tab: 'tree',
  settingsOpen: false,
  analyzeRequest: null,
});

const byId = (id) => document.getElementById(id);
header.mount(byId('header'), store);
notice.mount(byId('notice'), store);
tiles.mount(byId('tiles'), store);
charts.mount(byId('charts'), store);
analysis.mount(byId('analysis'), store);
project.mount(byId('project'), store);
routes.mount(byId('routes'), store);
errors.mount(byId('errors'), store);
outgoing.mount(byId('outgoing'), store);
settings.mount(byId('settings'), store);

// One stream per (service, window); a new choice closes the old stream first.
let closeStream = null;
const follow = (state) => {
  writeLocation(state);
  if (closeStream) closeStream();
  store.set({snapshot: null});
  closeStream = openStream(state,
    (snapshot) => store.set({snapshot}),
    (connection) => store.set({connection}));
};
store.subscribe(['service', 'window'], follow);
follow(store.get());

// A page kept in the back/forward cache must not hold its stream: browsers allow only a few
// connections per host, and a held stream would starve the next page's calls.
window.addEventListener('pagehide', () => {
  if (closeStream) closeStream();
  closeStream = null;
});
window.addEventListener('pageshow', (event) => {
  if (event.persisted) follow(store.get());
});

window.addEventListener('hashchange', () => store.set(readLocation()));

const loadServices = async () => {
  try {
    const answer = await api.services();
    store.set({services: answer.services || [], servicesLoaded: true});
  } catch (e) {
    console.warn('backtrack: services', e.message);
  }
};
loadServices();
setInterval(loadServices, SERVICES_REFRESH_MS);
// A service that appears while the page is open is listed right away.
store.subscribe(['snapshot'], (state) => {
  const routes = (state.snapshot && state.snapshot.routes) || [];
  const known = new Set(state.services.map((s) => s.name));
  if (routes.some((r) => r.service && !known.has(r.service))) loadServices();
});
