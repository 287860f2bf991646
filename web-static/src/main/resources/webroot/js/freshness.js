// How old each piece of data is, and whether the pipeline behind the socket is delivering. The server defines when
// data is stale (two of its indicator's windows) and whether the pipeline delivers (/api/screen/freshness); the page
// compares ages against those limits and asks again every few seconds.
import {$} from './dom.js';
import {get} from './api.js';
import {dateTime, duration, t} from './i18n.js';
import {emit, serverNow, state} from './state.js';

const POLL_MS = 5000;

export const ageSeconds = (iso) => (serverNow() - Date.parse(iso)) / 1000;

/** Stale: the value's window ended more than two of its windows ago. */
export function isStale(v) {
  if (!v || !state.freshness) return false;
  const limit = state.freshness.staleAfterSeconds[v.indicatorId];
  return limit !== undefined && ageSeconds(v.windowEnd) > limit;
}

/** "2 min ago" or "stale · 3 h ago" or "no data", for a data point's end time. */
export function ageText(iso, stale) {
  if (!iso) return t('age.none');
  const ago = t('age.ago', {age: duration(ageSeconds(iso))});
  return stale ? t('age.stale') + ' · ' + ago : ago;
}

export async function pollFreshness() {
  try {
    state.freshness = await get('/api/screen/freshness');
    state.clockOffsetMs = Date.parse(state.freshness.serverTime) - Date.now();
    emit('freshness', state.freshness);
  } catch (e) {
    // the socket banner covers an unreachable server; keep the last answer
  }
  setTimeout(pollFreshness, POLL_MS);
}

export function renderPipeline() {
  const f = state.freshness;
  const pill = $('pipeline');
  const banner = $('pipeline-banner');
  if (!f) {
    pill.className = 'status-pill';
    pill.textContent = t('pipeline.unknown');
    banner.hidden = true;
    return;
  }
  const p = f.pipeline;
  pill.className = 'status-pill ' + (p.delivering ? 'ok' : 'bad');
  pill.textContent = (p.delivering ? '● ' : '⚠ ') + t(p.delivering ? 'pipeline.ok' : 'pipeline.down');
  banner.hidden = p.delivering;
  banner.textContent = p.delivering ? '' : t('pipeline.banner', {
    newest: p.newestWindowEnd && dateTime(p.newestWindowEnd),
    age: p.newestWindowEnd && duration(ageSeconds(p.newestWindowEnd)),
    limit: duration(p.staleAfterSeconds)});
}
