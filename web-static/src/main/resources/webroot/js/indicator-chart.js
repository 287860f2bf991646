// An indicator over 1 h / 24 h / 7 d / 30 d from the history API: one point per stored window, the level
// thresholds drawn as bands, alert episodes shaded, and the age of the newest point.
import {$, el} from './dom.js';
import {get, history} from './api.js';
import {dateTime, number, t} from './i18n.js';
import {colour, levelName} from './levels.js';
import {FONT, base, chartIn, levelScale, timeAxis} from './charts.js';
import {ageText} from './freshness.js';
import {areaName, indicatorName, unit} from './names.js';
import {serverNow, state} from './state.js';

export const RANGES = {'1h': 3600000, '24h': 86400000, '7d': 7 * 86400000, '30d': 30 * 86400000};
let current = null;   // {indicatorId, area, range}

export function openIndicatorChart(indicatorId, area, range = '24h') {
  current = {indicatorId, area, range};
  const dialog = $('chart-dialog');
  if (!dialog.open) dialog.showModal();
  renderRanges();
  load();
}

export function closeIndicatorChart() {
  current = null;
  $('chart-dialog').close();
}

export function redrawIndicatorChart() {
  if (current) {
    renderRanges();
    load();
  }
}

function renderRanges() {
  $('chart-title').textContent = indicatorName(current.indicatorId) + ' · ' + areaName(current.area)
    + (unit(current.indicatorId) ? ' (' + unit(current.indicatorId) + ')' : '');
  $('chart-ranges').replaceChildren(...Object.keys(RANGES).map((r) => el('button', {type: 'button',
    'data-range': r, class: r === current.range ? 'active' : '',
    onclick: () => openIndicatorChart(current.indicatorId, current.area, r)}, t('chart.range.' + r))));
}

async function load() {
  const asked = current;
  const to = serverNow();
  const from = to - RANGES[asked.range];
  const [rows, episodes] = await Promise.all([
    history(asked.indicatorId, asked.area, from, to),
    get('/api/screen/alert-episodes', {indicator: asked.indicatorId, district: asked.area,
      from: new Date(from).toISOString(), to: new Date(to).toISOString()}).then((a) => a.episodes, () => []),
  ]);
  if (current !== asked) return;   // another range was chosen meanwhile
  draw(rows, episodes, from, to);
}

function draw(rows, episodes, from, to) {
  const indicator = state.indicators.get(current.indicatorId);
  const node = $('indicator-chart');
  Object.assign(node.dataset, {points: rows.length, episodes: episodes.length, from: new Date(from).toISOString(),
    to: new Date(to).toISOString()});
  const newest = rows.length ? rows[rows.length - 1] : null;
  $('chart-age').textContent = newest ? ageText(newest.windowEnd) : t('chart.noData');
  $('chart-note').textContent = t('chart.points', {count: rows.length});
  const chart = chartIn(node, 'canvas');   // a month of 1-minute windows is too many points for SVG
  const scale = levelScale(indicator, rows.map((r) => r.value));
  chart.setOption(Object.assign({}, base, {
    grid: {left: 64, right: 24, top: 24, bottom: 36},
    xAxis: timeAxis(from, to),
    yAxis: scale.yAxis,
    tooltip: Object.assign({}, base.tooltip, {valueFormatter: (v) => number(v) + ' ' + unit(current.indicatorId)}),
    series: [
      {type: 'line', name: t('chart.value'), showSymbol: rows.length < 120, sampling: 'lttb', lineStyle: {width: 2},
        itemStyle: {color: '#e8edf4'},
        data: rows.map((r) => [Date.parse(r.windowStart), r.value]),
        markArea: {silent: true, data: scale.bands}},
      {type: 'line', name: t('chart.episode'), data: [],
        markArea: {silent: true, data: episodes.map((e) => [
          {xAxis: Math.max(from, Date.parse(e.openedAt)), name: levelName(e.worstLevel),
            itemStyle: {color: colour(e.worstLevel), opacity: 0.28},
            label: {show: true, position: 'insideTop', color: '#fff', fontSize: FONT,
              formatter: () => t('chart.episode') + ' · ' + levelName(e.worstLevel) + ' · ' + dateTime(e.openedAt)}},
          {xAxis: e.resolvedAt ? Date.parse(e.resolvedAt) : to}])}},
    ],
  }), {notMerge: true});
}
