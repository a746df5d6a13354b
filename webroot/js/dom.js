// Element building without HTML parsing: every string ends up as a text node, so names that
// came from ingest (routes, hosts, messages) can never become markup.

/**
 * h('td', {class: 'num', dataset: {route: 'x'}, onclick: fn}, 'text', childNode, ...)
 * Attributes: `class`, `dataset` (object), `on<event>` (listener), anything else via
 * setAttribute. Children: strings/numbers (text nodes), nodes, null/false (skipped), arrays.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** A card heading with optional controls on the right. */
export function cardHeader(title, ...controls) {
  return h('div', {class: 'card-header'}, h('h2', null, title),
    h('div', {class: 'card-tools'}, controls));
}

/** An explanation shown where data would be; `lines` are paragraphs or nodes. */
export function emptyState(title, ...lines) {
  return h('div', {class: 'empty'}, h('strong', null, title),
    lines.map((line) => (line instanceof Node ? line : h('p', null, line))));
}

/** A paragraph with text and inline code parts: codeLine('run ', ['java -jar …']). */
export function codeLine(...parts) {
  return h('p', null, parts.map((p) => (Array.isArray(p) ? h('code', null, p[0]) : p)));
}

/** Replaces the children of `el`; takes the same children as h() (arrays, null skipped). */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}
