// The graph tab, from the snapshot's `graph`:
//   {nodes: [{id, kind, label, volume}], edges: [{source, target, calls, errors, error_rate,
//    avg_ms}]}
// Besides the canvas, the edges are listed as text (for screen readers, and for tests).

import {emptyState, fill, h} from '../dom.js';
import * as fmt from '../format.js';
import {createGraphChart} from '../charts/graph-chart.js';

export function mount(el, store) {
  const canvas = h('div', {class: 'graph', id: 'graph'});
  const list = h('ul', {class: 'visually-hidden', id: 'graph-list'});
  const empty = h('div', null);
  fill(el, empty, canvas, list);
  let chart = null;
  let creating = null;

  const labels = (graph) => new Map((graph.nodes || []).map((n) => [n.id, n.label]));

  const draw = async (state, changed) => {
    if (state.tab !== 'graph') return;
    const graph = (state.snapshot && state.snapshot.graph) || {nodes: [], edges: []};
    const hasEdges = (graph.edges || []).length > 0;
    fill(empty, hasEdges ? '' : emptyState('No outgoing calls to draw.',
      'The graph links your routes to the hosts they call; it fills in once a route makes ' +
      'an outgoing HTTP call through an instrumented client.'));
    canvas.hidden = !hasEdges;
    const names = labels(graph);
    fill(list, ...(graph.edges || []).map((e) => h('li', null,
      names.get(e.source) + ' → ' + names.get(e.target) + ': ' + e.calls + ' calls, ' +
      fmt.percent(e.error_rate) + ' errors')));
    canvas.dataset.nodes = String((graph.nodes || []).length);
    canvas.dataset.edges = String((graph.edges || []).length);
    if (!hasEdges) return;
    if (!chart) {
      creating = creating || createGraphChart(canvas);
      chart = await creating;
      canvas.cy = chart.cy; // lets a test or a curious user inspect the graph
      chart.update(graph);
      chart.resize();
    } else {
      chart.update(graph);
      if (changed.includes('tab')) chart.resize();
    }
    canvas.dataset.ready = 'true';
  };

  store.subscribe(['snapshot', 'tab'], (state, changed) => {
    draw(state, changed).catch((e) => {
      fill(empty, emptyState('The graph could not be drawn.', e.message));
    });
  });
}
