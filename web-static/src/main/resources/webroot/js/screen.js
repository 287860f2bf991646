// The operations-centre big screen: city health and its 24-hour trend, the district ranking (worst first), the map,
// the open situations and the live alert feed, the incident panel, and the domain panels of city-wide tiles with a
// data-quality panel.
import {$, el} from './dom.js';
import {healthHistory} from './api.js';
import {integer, t} from './i18n.js';
import {badge} from './levels.js';
import {base, chartIn, timeAxis, valueAxis} from './charts.js';
import {ageSeconds, ageText} from './freshness.js';
import {fitList, floodText, renderFeed} from './alerts.js';
import {renderIncidents} from './incidents.js';
import {renderWallSituations, WALL_ROWS, wallSituationsTick} from './situation-wall.js';
import {initMap, renderMapSoon} from './map.js';
import {areaName} from './names.js';
import {loadSparks, refreshTiles, renderDomains} from './tiles.js';
import {isStale} from './freshness.js';
import {serverNow, state} from './state.js';

const FEED_ITEMS = 12;
const INCIDENTS_EVERY_MS = 60000;
// trends and sparklines draw exactly the stored rows, reloaded this often
const HISTORY_EVERY_MS = 120000;
const healthTrend = new Map();   // area → [[ms, score]]
let openDistrict = () => {};

export async function initScreen(onDistrict) {
  openDistrict = onDistrict;
  renderScreen();
  await initMap(onDistrict);
  const history = () => {
    loadHealthTrend(state.city.code, $('city-health-trend'));
    loadSparks($('domains'), state.city.code);
  };
  history();
  setInterval(history, HISTORY_EVERY_MS);
  const incidents = () => renderIncidents($('incidents-chart'), $('rising'));
  incidents();
  setInterval(incidents, INCIDENTS_EVERY_MS);
}

/** Everything from the state (after a snapshot or a language switch). */
export function renderScreen() {
  renderCityHealth();
  renderRanking();
  renderAlertsPanel();
  renderDomains($('domains'), state.city.code, [dataQualityPanel()]);
  renderDataQuality();
  drawHealthTrend(state.city.code, $('city-health-trend'));
  renderMapSoon();
}

export function onValue(v) {
  if (v.district === state.city.code) refreshTiles($('domains'), v.indicatorId, v.district);
  renderMapSoon();
}

export function onHealth(h) {
  if (h.district === state.city.code) renderCityHealth();
  renderRanking();
  renderMapSoon();
}

let ticks = 0;

/** Once a second: ages move on (tiles every ten seconds: their ages are minutes). */
export function tick() {
  if (ticks++ % 10 === 0) refreshTiles($('domains'));
  renderDataQuality();
  wallSituationsTick();
  const h = state.health.get(state.city.code);
  $('city-health-age').textContent = h ? ageText(windowEndOf(h)) : '';
}

// a health score covers the minute from its window start
const windowEndOf = (h) => new Date(Date.parse(h.windowStart) + 60000).toISOString();

export function healthBlock(node, h) {
  node.replaceChildren(el('span', {class: 'score'}, h ? integer(h.score) : t('health.none')),
    h ? badge(h.worstLevel) : '');
}

function renderCityHealth() {
  const h = state.health.get(state.city.code);
  healthBlock($('city-health'), h);
  $('city-health-age').textContent = h ? ageText(windowEndOf(h)) : '';
}

function renderRanking() {
  const ranked = [...state.districts.values()].map((d) => ({d, h: state.health.get(d.code)}))
    .sort((x, y) => (x.h ? x.h.score : 101) - (y.h ? y.h.score : 101) || x.d.code.localeCompare(y.d.code));
  $('ranking').replaceChildren(...ranked.map(({d, h}, i) => el('li',
    {class: h ? 'edge-' + h.worstLevel : '', 'data-district': d.code, onclick: () => openDistrict(d.code)},
    el('span', {class: 'rank'}, String(i + 1)),
    el('span', {class: 'name', title: areaName(d.code)}, areaName(d.code)),
    el('span', {class: 'score'}, h ? integer(h.score) : '—'),
    h ? badge(h.worstLevel) : el('span'))));
}

/**
 * The situations, as many as leave the panel whole (titles wrap, so how many fit depends on them), then as much of
 * the feed as fits below them.
 */
export function renderAlertsPanel() {
  const panel = $('alerts-panel');
  for (let rows = WALL_ROWS; rows >= 0; rows--) {
    renderWallSituations(openDistrict, rows);
    if (panel.scrollHeight <= panel.clientHeight + 1) break;
  }
  const f = state.flood;
  $('flood-banner').hidden = !(f && f.active);
  if (f && f.active) $('flood-banner').textContent = floodText(f);
  $('open-count').textContent = t('alerts.open', {count: state.open.size});
  const feed = state.feed.slice(0, FEED_ITEMS);
  $('alerts-empty').hidden = feed.length > 0;
  renderFeed($('alert-feed'), feed, openDistrict);
  fitList($('alert-feed'));
}

/** Loads 24 h of health scores for `area` and draws them into `node`. */
export async function loadHealthTrend(area, node) {
  const to = serverNow();
  const from = to - 86400000;
  try {
    const rows = await healthHistory(area, from, to);
    healthTrend.set(area, {from, to, points: rows.map((r) => [Date.parse(r.windowStart), r.score])});
  } catch (e) {
    healthTrend.set(area, {from, to, points: []});
  }
  drawHealthTrend(area, node);
}

export function drawHealthTrend(area, node) {
  const trend = healthTrend.get(area);
  if (!trend) return;
  const {from, to, points} = trend;
  Object.assign(node.dataset, {points: points.length, from: new Date(from).toISOString(), to: new Date(to).toISOString()});
  chartIn(node).setOption(Object.assign({}, base, {
    grid: {left: 40, right: 8, top: 8, bottom: 24},
    xAxis: timeAxis(from, to),
    yAxis: valueAxis({min: 0, max: 100, splitNumber: 2}),
    series: [{type: 'line', showSymbol: false, data: points, lineStyle: {width: 2, color: '#4fb3ff'},
      areaStyle: {color: 'rgba(79,179,255,.15)'}}],
  }));
}

function dataQualityPanel() {
  return el('section', {class: 'panel domain', 'data-domain': 'data_quality'},
    el('h2', {}, t('domain.data_quality')), el('ul', {id: 'dq', class: 'dq-list'}));
}

export function renderDataQuality() {
  const list = $('dq');
  if (!list) return;
  const f = state.freshness;
  const values = [...state.values.values()].flatMap((m) => [...m.values()]);
  const stale = values.filter(isStale).length;
  const platform = [...state.open.values()].filter((a) => a.audience === 'platform').length;
  const row = (label, valueNode) => el('li', {}, el('span', {class: 'muted'}, label), ' ', valueNode);
  list.replaceChildren(
    row(t('dq.pipeline'), f ? el('b', {}, f.pipeline.delivering ? '● ' + t('pipeline.ok') : '⚠ ' + t('pipeline.down'))
      : t('pipeline.unknown')),
    row(t('dq.newest'), el('b', {}, f && f.pipeline.newestWindowEnd
      ? ageText(f.pipeline.newestWindowEnd, ageSeconds(f.pipeline.newestWindowEnd) > f.pipeline.staleAfterSeconds)
      : t('age.none'))),
    row(t('dq.stale'), el('b', {}, t('dq.of', {stale, total: values.length}))),
    row(t('dq.platformAlerts'), el('b', {}, String(platform))));
}
