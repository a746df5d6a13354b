// Two charts from the snapshot's `timeseries`: RPS with the error rate on a second axis, and
// latency (avg and p95).

import {fill, h} from '../dom.js';
import * as fmt from '../format.js';
import {createTimeseriesChart} from '../charts/timeseries-chart.js';

export function mount(el, store) {
  const rpsBox = h('div', {class: 'chart', id: 'chart-rps'});
  const latencyBox = h('div', {class: 'chart', id: 'chart-latency'});
  fill(el,
    h('div', {class: 'card'}, h('h2', null, 'requests per second · error rate'), rpsBox),
    h('div', {class: 'card'}, h('h2', null, 'latency'), latencyBox));

  const rps = createTimeseriesChart(rpsBox, {
    series: [
      {field: 'rps', label: 'RPS', color: '--accent', scale: 'rps', format: fmt.rate},
      {field: 'error_rate', label: 'error rate', color: '--bad', scale: 'err', dash: [4, 4],
        format: fmt.percent},
    ],
    scales: {rps: {range: (u, min, max) => [0, Math.max(max, 1)]}, err: {range: [0, 1]}},
    axes: [
      {scale: 'rps', size: 44},
      {scale: 'err', side: 1, size: 44, grid: {show: false},
        values: (u, ticks) => ticks.map((v) => Math.round(v * 100) + '%')},
    ],
  });
  const latency = createTimeseriesChart(latencyBox, {
    series: [
      {field: 'avg_ms', label: 'avg', color: '--accent', scale: 'ms', format: fmt.ms},
      {field: 'p95_ms', label: 'p95', color: '--warn', scale: 'ms', format: fmt.ms},
    ],
    scales: {ms: {range: (u, min, max) => [0, Math.max(max, 1)]}},
    axes: [{scale: 'ms', size: 64, values: (u, ticks) => ticks.map((v) => v + ' ms')}],
  });

  store.subscribe(['snapshot'], (state) => {
    const points = (state.snapshot && state.snapshot.timeseries &&
      state.snapshot.timeseries.points) || [];
    rps.update(points);
    latency.update(points);
  });
}
