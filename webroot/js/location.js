// The service and window live in the URL hash (#service=shop-api&w=5m), so a reload or a
// shared link shows the same view.

export const WINDOWS = ['1m', '5m', '15m', '1h'];
const DEFAULT_WINDOW = '5m';

export function readLocation() {
  const params = new URLSearchParams(location.hash.slice(1));
  const w = params.get('w');
  return {
    service: params.get('service') || '',
    window: WINDOWS.includes(w) ? w : DEFAULT_WINDOW,
  };
}

export function writeLocation({service, window}) {
  const params = new URLSearchParams();
  if (service) params.set('service', service);
  params.set('w', window);
  history.replaceState(null, '', '#' + params.toString());
}
