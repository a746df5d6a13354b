// The routes → hosts graph drawn with Cytoscape (its ES module build from the WebJar, loaded
// on first use). Routes sit in a column on the left, hosts on the right.
//   graph = {nodes: [{id, kind: 'route' | 'host', label, volume}],
//            edges: [{source, target, calls, errors, error_rate, avg_ms}]}

import {cssVar, onSchemeChange} from './theme.js';

const COLUMN_GAP = 360;
const ROW_GAP = 56;
const MIN_NODE = 14;
const MAX_NODE = 46;

let library = null;
function loadCytoscape() {
  if (!library) {
    library = import('../../vendor/cytoscape/cytoscape.esm.min.mjs').then((m) => m.default);
  }
  return library;
}

/** Node size grows with the square root of the volume, so one busy route does not hide all. */
function sizer(values, min, max) {
  const top = Math.sqrt(Math.max(1, ...values));
  return (v) => min + (max - min) * Math.sqrt(Math.max(0, v || 0)) / top;
}

/** Green at no errors through amber to red at 20% and above. */
function errorColour(rate) {
  const r = Math.min(1, (rate || 0) / 0.2);
  if (r === 0) return cssVar('--ok');
  return r < 0.5 ? cssVar('--warn') : cssVar('--bad');
}

function elements(graph) {
  const nodes = graph.nodes || [];
  const edges = graph.edges || [];
  const size = sizer(nodes.map((n) => n.volume), MIN_NODE, MAX_NODE);
  const width = sizer(edges.map((e) => e.calls), 1, 8);
  const rows = {route: 0, host: 0};
  const counts = {
    route: nodes.filter((n) => n.kind === 'route').length,
    host: nodes.filter((n) => n.kind !== 'route').length,
  };
  return [
    ...nodes.map((n) => {
      const kind = n.kind === 'route' ? 'route' : 'host';
      // Center the shorter column against the longer one.
      const offset = (Math.max(counts.route, counts.host) - counts[kind]) * ROW_GAP / 2;
      const y = offset + rows[kind]++ * ROW_GAP;
      return {
        group: 'nodes',
        data: {id: n.id, label: n.label, kind, volume: n.volume, size: size(n.volume)},
        position: {x: kind === 'route' ? 0 : COLUMN_GAP, y},
        classes: kind,
      };
    }),
    ...edges.map((e) => ({
      group: 'edges',
      data: {
        id: e.source + '→' + e.target,
        source: e.source,
        target: e.target,
        calls: e.calls,
        error_rate: e.error_rate,
        width: width(e.calls),
        colour: errorColour(e.error_rate),
        label: e.calls + (e.error_rate ? ' · ' + Math.round(e.error_rate * 100) + '%' : ''),
      },
    })),
  ];
}

function style() {
  return [
    {selector: 'node', style: {
      'width': 'data(size)', 'height': 'data(size)', 'label': 'data(label)',
      'font-size': 11, 'color': cssVar('--fg'), 'text-valign': 'center',
      'font-family': cssVar('--font'),
    }},
    {selector: 'node.route', style: {
      'background-color': cssVar('--accent'), 'text-halign': 'left', 'text-margin-x': -6,
    }},
    {selector: 'node.host', style: {
      'background-color': cssVar('--muted'), 'shape': 'round-rectangle',
      'text-halign': 'right', 'text-margin-x': 6,
    }},
    {selector: 'edge', style: {
      'width': 'data(width)', 'line-color': 'data(colour)', 'curve-style': 'bezier',
      'target-arrow-shape': 'triangle', 'target-arrow-color': 'data(colour)',
      'arrow-scale': 0.8, 'opacity': 0.85, 'label': 'data(label)', 'font-size': 9,
      'color': cssVar('--muted'), 'text-background-color': cssVar('--card'),
      'text-background-opacity': 1, 'text-background-padding': 2,
    }},
  ];
}

/** Creates the graph in `el`; `update(graph)` replaces what it shows. */
export async function createGraphChart(el) {
  const cytoscape = await loadCytoscape();
  const cy = cytoscape({
    container: el,
    style: style(),
    layout: {name: 'preset'},
    minZoom: 0.3,
    maxZoom: 1.3,
    wheelSensitivity: 0.3,
    autoungrabify: true,
  });
  onSchemeChange(() => {
    cy.style(style());
  });
  let shape = '';
  return {
    cy,
    update(graph) {
      const els = elements(graph);
      const nextShape = els.map((e) => e.data.id).join('\n');
      if (nextShape !== shape) {
        cy.elements().remove();
        cy.add(els);
        cy.fit(undefined, 40);
        shape = nextShape;
      } else {
        for (const e of els) cy.getElementById(e.data.id).data(e.data);
      }
    },
    resize() {
      cy.resize();
      cy.fit(undefined, 40);
    },
  };
}
