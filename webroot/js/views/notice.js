// The banner above the tiles: what to do when no service has reported yet.

import {codeLine, fill, h} from '../dom.js';

export function mount(el, store) {
  const draw = (state) => {
    const nothingYet = state.servicesLoaded && state.services.length === 0;
    el.hidden = !nothingYet;
    if (!nothingYet) return;
    fill(el,
      h('strong', null, 'No service has reported to this collector yet.'),
      codeLine('Add the SDK to your application (',
        ['backtrack-sdk-servlet'], ' for Servlet and Spring Boot, ', ['backtrack-sdk-vertx'],
        ' for Vert.x) and point it at this collector\'s ', ['/ingest'], '.'),
      codeLine('Or see it work first: ', ['java -jar backtrack.jar demo'],
        ' starts a sample service with generated traffic.'));
  };
  store.subscribe(['services', 'servicesLoaded'], draw);
  draw(store.get());
}
