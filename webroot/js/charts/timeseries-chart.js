// A uPlot line chart over the snapshot's `timeseries`:
//   {window_s, step_s, points: [{t (ms), requests, rps, error_rate, avg_ms, p95_ms}]}
// `spec` names the series: [{field, label, color (CSS variable), scale, dash}] and the axes.

import uPlot from '../../vendor/uplot/uPlot.esm.js';
import {axis, cssVar, onSchemeChange} from './theme.js';

const HEIGHT = 180;

/** Time ticks as a 24-hour clock; seconds only when the ticks are less than a minute apart. */
function clockLabels(u, ticks, axisIndex, space, incr) {
  const seconds = incr < 60;
  return ticks.map((t) => new Date(t * 1000).toLocaleTimeString('en-GB',
    {hour: '2-digit', minute: '2-digit', second: seconds ? '2-digit' : undefined}));
}

export function createTimeseriesChart(el, spec) {
  let chart = null;
  let data = [[], ...spec.series.map(() => [])];

  const build = () => {
    if (chart) chart.destroy();
    const width = Math.max(el.clientWidth, 200);
    chart = new uPlot({
      width,
      height: HEIGHT,
      cursor: {drag: {x: false, y: false}},
      legend: {live: true},
      scales: {x: {time: true}, ...spec.scales},
      series: [
        {},
        ...spec.series.map((s) => ({
          label: s.label,
          scale: s.scale,
          stroke: cssVar(s.color),
          width: 1.5,
          dash: s.dash,
          points: {show: false},
          value: (u, v) => (v === null || v === undefined ? '–' : s.format(v)),
        })),
      ],
      axes: [axis({space: 70, values: clockLabels}), ...spec.axes.map((a) => axis(a))],
    }, data, el);
  };

  build();
  onSchemeChange(build);
  new ResizeObserver(() => {
    if (chart && el.clientWidth > 0) chart.setSize({width: el.clientWidth, height: HEIGHT});
  }).observe(el);

  return {
    update(points) {
      data = [
        points.map((p) => p.t / 1000),
        ...spec.series.map((s) => points.map((p) => p[s.field] ?? null)),
      ];
      chart.setData(data);
    },
  };
}
