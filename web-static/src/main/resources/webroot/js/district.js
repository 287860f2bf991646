// Drill-down: one district's page — its health and 24-hour trend, open alerts, incidents, and every indicator.
import {$} from './dom.js';
import {renderFeed} from './alerts.js';
import {renderIncidents} from './incidents.js';
import {areaName} from './names.js';
import {healthBlock, loadHealthTrend, drawHealthTrend} from './screen.js';
import {loadSparks, refreshTiles, renderDomains} from './tiles.js';
import {state} from './state.js';

let shown = null;

export function showDistrict(code) {
  shown = code;
  renderDistrict();
  loadHealthTrend(code, $('district-health-trend'));
  loadSparks($('district-domains'), code);
  renderIncidents($('district-incidents-chart'), $('district-rising'), code);
}

/** Leaving the page empties it, so nothing of a district stays in the document behind another screen. */
export function hideDistrict() {
  shown = null;
  delete $('district-page').dataset.district;
  ['district-title', 'district-health', 'district-alerts', 'district-domains', 'district-rising']
    .forEach((id) => $(id).replaceChildren());
}

export function renderDistrict() {
  if (!shown) return;
  $('district-title').textContent = areaName(shown);
  $('district-page').dataset.district = shown;
  healthBlock($('district-health'), state.health.get(shown));
  renderDomains($('district-domains'), shown);
  renderDistrictAlerts();
  drawHealthTrend(shown, $('district-health-trend'));
}

export function renderDistrictAlerts() {
  if (!shown) return;
  const open = [...state.open.values()].filter((a) => a.district === shown)
    .sort((x, y) => (y.eventTime > x.eventTime ? 1 : -1));
  $('district-alerts-empty').hidden = open.length > 0;
  renderFeed($('district-alerts'), open);
}

export function onDistrictValue(v) {
  if (v.district !== shown) return;
  refreshTiles($('district-domains'), v.indicatorId, v.district);
}

export function onDistrictHealth(h) {
  if (h.district === shown) healthBlock($('district-health'), h);
}

let ticks = 0;

export function districtTick() {
  if (shown && ticks++ % 10 === 0) refreshTiles($('district-domains'));
}
