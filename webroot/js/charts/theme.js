// Chart colours come from the CSS variables, so charts follow the light or dark scheme.

export function cssVar(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** Calls fn when the browser switches between light and dark. */
export function onSchemeChange(fn) {
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', fn);
}

export function axis(extra = {}) {
  return {
    stroke: cssVar('--muted'),
    grid: {stroke: cssVar('--grid'), width: 1},
    ticks: {stroke: cssVar('--grid'), width: 1},
    font: '11px ' + cssVar('--font'),
    ...extra,
  };
}
