// Calls to the collector's REST API (docs/api.md). Every path is relative to the page, so the
// dashboard also works behind a path prefix.
//
// A `?token=` in the page URL is kept in sessionStorage, taken out of the address bar, and
// sent as `Authorization: Bearer` (fetch) or as `token=` (EventSource cannot send headers).

const TOKEN_KEY = 'backtrack.token';

export function captureToken() {
  const url = new URL(location.href);
  const token = url.searchParams.get('token');
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

/** A relative URL with the query parameters that are set (empty ones left out). */
export function apiUrl(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, value);
  }
  const qs = query.toString();
  return path + (qs ? '?' + qs : '');
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function getJson(path, params) {
  const headers = {Accept: 'application/json'};
  if (token()) headers.Authorization = 'Bearer ' + token();
  const response = await fetch(apiUrl(path, params), {headers, cache: 'no-store'});
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const why = body && body.error ? body.error : response.statusText;
    throw new ApiError(response.status, `${path}: ${response.status} ${why}`);
  }
  return body;
}

/** {services: [...]} */
export const services = () => getJson('api/services');

/** {service, scanned, root: {name, path, kind, children | endpoints}}, figures over `w`. */
export const tree = (service, w) => getJson('api/tree', {service, w});

/** One error group with `stack` and `sample`; `count` over `w`. */
export const errorGroup = (fingerprint, service, w) =>
  getJson('api/errors/' + encodeURIComponent(fingerprint), {service, w});

/**
 * The analyze input: {service, window_s, scope, overview, routes, slow_sql, errors, outgoing}.
 * `scope` is {method, route}, {prefix} or {} for the whole service.
 */
export const snapshot = (service, w, scope) => getJson('api/snapshot', {service, w, ...scope});
