// What the screens know, in one place: reference data from REST, live signals from the WebSocket. Modules change it
// through the functions here and listen with on(event, f); nothing else keeps a copy.
const MAX_FEED = 200;

export const state = {
  me: null,            // {username, role, allDistricts, districts}
  city: null,          // {code, nameZh, nameEn, zone}
  districts: new Map(),  // code → {code, nameZh, nameEn}
  indicators: new Map(), // id → catalogue entry (names, unit, domain, thresholds, direction)
  values: new Map(),     // indicator id → (area code → newest IndicatorValue)
  health: new Map(),     // area code → newest HealthScoreValue
  open: new Map(),       // alert id → newest transition of an open alert
  handling: new Map(),   // alert id → AlertHandling
  feed: [],              // AlertEvents, newest first
  flood: null,
  clockOffsetMs: 0,      // server time − local time, from the heartbeats
  freshness: null,       // /api/screen/freshness
  situations: new Map(), // situation id → open Situation (situations.js)
  maintenance: [],       // maintenance windows of the user's areas (situations.js)
};

const listeners = new Map();

export function on(event, listener) {
  if (!listeners.has(event)) listeners.set(event, []);
  listeners.get(event).push(listener);
}

export function emit(event, payload) {
  (listeners.get(event) || []).forEach((f) => f(payload));
}

/** Now on the server's clock, so ages do not depend on the screen's own clock. */
export const serverNow = () => Date.now() + state.clockOffsetMs;

export const value = (indicatorId, area) => (state.values.get(indicatorId) || new Map()).get(area);

/** Keeps the newest window (then version) per indicator and area; true when `v` is news. */
export function applyValue(v) {
  if (!state.values.has(v.indicatorId)) state.values.set(v.indicatorId, new Map());
  const byArea = state.values.get(v.indicatorId);
  const old = byArea.get(v.district);
  const newer = !old || v.windowStart > old.windowStart || (v.windowStart === old.windowStart && v.version > old.version);
  if (newer) byArea.set(v.district, v);
  return newer;
}

export function applyHealth(h) {
  const old = state.health.get(h.district);
  const newer = !old || h.windowStart > old.windowStart || (h.windowStart === old.windowStart && h.version > old.version);
  if (newer) state.health.set(h.district, h);
  return newer;
}

/** Applies one alert transition; true when it is one the screen has not seen. */
export function applyAlert(a) {
  const known = state.feed.find((f) => f.alertId === a.alertId && f.version === a.version);
  if (known) return false;
  if (a.kind === 'resolved') {
    state.open.delete(a.alertId);
    state.handling.delete(a.alertId);
  } else {
    const old = state.open.get(a.alertId);
    if (!old || a.version > old.version) state.open.set(a.alertId, a);
  }
  state.feed.unshift(a);
  state.feed.sort((x, y) => (y.eventTime > x.eventTime ? 1 : y.eventTime < x.eventTime ? -1 : 0));
  state.feed.length = Math.min(state.feed.length, MAX_FEED);
  return true;
}

export function applyHandling(alertId, handling) {
  if (handling) state.handling.set(alertId, handling); else state.handling.delete(alertId);
}

/** Replaces the live state with a snapshot (a fresh connection, or a resume point the server no longer holds). */
export function applySnapshot(s) {
  state.open.clear();
  state.handling.clear();
  state.feed = [];
  applyLatest(s);
  s.alerts.forEach(applyAlert);
  s.handling.forEach((h) => state.handling.set(h.alertId, h));
}

/** Replaces values, health scores and the flood state with the server's latest (a snapshot or a resume). */
export function applyLatest(s) {
  state.values.clear();
  state.health.clear();
  s.values.forEach(applyValue);
  s.health.forEach(applyHealth);
  state.flood = s.flood;
}
