// Number formatting shared by tiles, tables and the tree. Missing values show as an en dash.

const DASH = '–';

function missing(v) {
  return v === null || v === undefined || Number.isNaN(v);
}

export function rate(v) {
  if (missing(v)) return DASH;
  if (v === 0) return '0';
  if (v < 0.01) return v.toFixed(3);
  if (v < 10) return v.toFixed(2);
  if (v < 1000) return v.toFixed(1);
  return Math.round(v).toLocaleString('en-US');
}

/** A rate from 0 to 1 as a percentage. */
export function percent(v) {
  if (missing(v)) return DASH;
  const p = v * 100;
  if (p === 0) return '0%';
  return (p < 10 ? p.toFixed(1) : p.toFixed(0)) + '%';
}

export function ms(v) {
  if (missing(v)) return DASH;
  if (v < 10) return v.toFixed(1) + ' ms';
  if (v < 10000) return Math.round(v) + ' ms';
  return (v / 1000).toFixed(1) + ' s';
}

/** A plain figure (per-request averages, counts). */
export function num(v, digits = 1) {
  if (missing(v)) return DASH;
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return v.toFixed(digits);
}

export function count(v) {
  return missing(v) ? DASH : Math.round(v).toLocaleString('en-US');
}

export function bytes(v) {
  if (missing(v)) return DASH;
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return (i === 0 ? v : v.toFixed(v < 10 ? 1 : 0)) + ' ' + units[i];
}

export function cpu(v) {
  return missing(v) ? DASH : v.toFixed(1) + '%';
}

/** ms since the epoch → local date and time, seconds included. */
export function time(ts) {
  if (missing(ts) || !ts) return DASH;
  const d = new Date(ts);
  const today = new Date();
  const sameDay = d.toDateString() === today.toDateString();
  const clock = d.toLocaleTimeString('en-GB');
  return sameDay ? clock : d.toISOString().slice(0, 10) + ' ' + clock;
}
