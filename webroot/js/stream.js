// The live feed: GET /api/stream?service=&w= (Server-Sent Events). Each `event: snapshot`
// carries {ts, service, window_s, overview, timeseries, routes, errors, outgoing, graph}.
//
// EventSource reconnects by itself after a network failure (the collector restarted). When
// the server answered something that is not an event stream, the browser gives up for good
// (readyState CLOSED); then we open a new one after a pause.

import {apiUrl, token} from './api.js';

const RETRY_AFTER_CLOSE_MS = 2000;

/**
 * Opens the stream for a service and window and returns a function that closes it.
 * onSnapshot(data) for every snapshot; onState('connecting' | 'live' | 'reconnecting').
 */
export function openStream({service, window}, onSnapshot, onState) {
  let source = null;
  let retryTimer = null;
  let stopped = false;

  const connect = () => {
    onState(source ? 'reconnecting' : 'connecting');
    source = new EventSource(apiUrl('api/stream', {service, w: window, token: token()}));
    source.addEventListener('open', () => onState('live'));
    source.addEventListener('snapshot', (event) => {
      let data;
      try {
        data = JSON.parse(event.data);
      } catch (e) {
        console.warn('backtrack: unreadable snapshot', e);
        return;
      }
      onState('live');
      onSnapshot(data);
    });
    source.addEventListener('error', () => {
      if (stopped) return;
      onState('reconnecting');
      if (source.readyState === EventSource.CLOSED) {
        clearTimeout(retryTimer);
        retryTimer = setTimeout(connect, RETRY_AFTER_CLOSE_MS);
      }
    });
  };

  connect();
  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    if (source) source.close();
  };
}
