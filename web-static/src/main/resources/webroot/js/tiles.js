// Domain panels of tiles for one area (the city's code on the big screen, a district's on its page): each tile shows
// value, unit, level (colour, icon, text), a sparkline of the last hours and the age of its data. Clicking a tile
// opens the indicator's chart.
import {el} from './dom.js';
import {history} from './api.js';
import {number, t, nameOf} from './i18n.js';
import {badge} from './levels.js';
import {sparkline} from './charts.js';
import {ageText, isStale} from './freshness.js';
import {indicatorName, unit} from './names.js';
import {serverNow, state, value} from './state.js';

const SPARK_HOURS = 3;
const sparks = new Map();   // "area indicator" → [[ms, value], …] oldest first, one point per window start

/**
 * The domains in catalogue order, each with its indicators: only those the catalogue puts on the city's wall
 * (`cityWall`; data quality has its own panel, a series a user brought is read in its chart).
 */
export function domains() {
  const byDomain = new Map();
  for (const i of state.indicators.values()) {
    if (!i.cityWall) continue;
    if (!byDomain.has(i.domain)) byDomain.set(i.domain, {id: i.domain, nameZh: i.domainZh, nameEn: i.domainEn, indicators: []});
    byDomain.get(i.domain).indicators.push(i);
  }
  return [...byDomain.values()];
}

/** Panels for every domain, for `area`, into `container`; `extra` panels (data quality) go last. */
export function renderDomains(container, area, extra = []) {
  container.replaceChildren(...domains().map((d) => el('section', {class: 'panel domain', 'data-domain': d.id},
    el('h2', {}, nameOf(d)),
    // up to four tiles stack in one column, wide enough for their full names; more share two columns
    el('div', {class: 'tiles' + (d.indicators.length > 4 ? ' two' : '')}, d.indicators.map((i) => tile(i.id, area))))),
  ...extra);
}

function tile(indicatorId, area) {
  const node = el('div', {class: 'tile', 'data-indicator': indicatorId, 'data-area': area, tabindex: 0,
    title: indicatorName(indicatorId)});
  fillTile(node);
  return node;
}

/** Redraws one tile from the state (after a new value, a language switch, or as its data ages). */
export function fillTile(node) {
  const {indicator: id, area} = node.dataset;
  const v = value(id, area);
  const stale = isStale(v);
  node.className = 'tile' + (v ? ' edge-' + v.level : '') + (stale ? ' stale' : '');
  // the age is in the title (hover) and, once stale, on the tile itself
  node.title = indicatorName(id) + ' · ' + (v ? ageText(v.windowEnd, stale) : t('age.none'));
  node.replaceChildren(
    sparkline(sparkPoints(id, area), v && v.level, sparkRange(id, area)),
    el('div', {class: 'tile-name'}, stale ? el('span', {class: 'stale-mark'}, '⚠ ' + t('age.stale') + ' ') : '',
      indicatorName(id)),
    el('div', {class: 'tile-reading'},
      el('span', {class: 'value' + (v ? '' : ' missing')}, v ? number(v.value) : '—'),
      el('span', {class: 'unit'}, unit(id))),
    v ? badge(v.level) : el('span', {class: 'age'}, t('age.none')));
}

export function refreshTiles(root, indicatorId, area) {
  const selector = indicatorId ? `.tile[data-indicator="${CSS.escape(indicatorId)}"][data-area="${CSS.escape(area)}"]`
    : '.tile';
  root.querySelectorAll(selector).forEach(fillTile);
}

/** The stored windows of the last hours, exactly as the history API returned them. */
export function sparkPoints(indicatorId, area) {
  return (sparks.get(area + ' ' + indicatorId) || {points: []}).points;
}

/**
 * Loads the last hours of every indicator of `area`, a few requests at a time, redrawing tiles as they arrive.
 * Sparklines show exactly the stored windows (the history API's rows); they are reloaded every few minutes rather
 * than extended with live values, which reach the store a little later.
 */
export async function loadSparks(root, area) {
  const to = serverNow();
  const from = to - SPARK_HOURS * 3600000;
  const queue = [...state.indicators.keys()];
  const worker = async () => {
    while (queue.length) {
      const id = queue.shift();
      try {
        const rows = await history(id, area, from, to);
        sparks.set(area + ' ' + id, {from, to, points: rows.map((r) => [Date.parse(r.windowStart), r.value])});
        refreshTiles(root, id, area);
      } catch (e) {
        // a tile without its sparkline still shows its value
      }
    }
  };
  await Promise.all([worker(), worker(), worker()]);
}

/** The range a tile's sparkline was loaded for, written onto it so that a test can ask the API the same. */
export function sparkRange(indicatorId, area) {
  return sparks.get(area + ' ' + indicatorId);
}
