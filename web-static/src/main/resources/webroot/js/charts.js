// Charts: ECharts for time series (one look for all of them) and a hand-drawn SVG sparkline for the tiles, where
// dozens of ECharts instances would cost more than they show. Axis texts are 14 px like every other text.
import {svg} from './dom.js';
import {allLevels, colour, levelName} from './levels.js';
import {hourMinute, day, number} from './i18n.js';

const INK = '#c9d3e0';
const GRID = '#2a3546';
export const FONT = 14;

/** The chart in `element`, created on first use. SVG keeps texts in the DOM, where tests can measure them. */
export function chartIn(element, renderer = 'svg') {
  /* global echarts */
  let chart = echarts.getInstanceByDom(element);
  if (!chart) {
    chart = echarts.init(element, null, {renderer});
    new ResizeObserver(() => chart.resize()).observe(element);
  }
  return chart;
}

/** A time axis over [from, to]; labels in hours within two days, in days beyond. */
export function timeAxis(from, to) {
  const spanMs = to - from;
  return {type: 'time', min: from, max: to, axisLine: {lineStyle: {color: GRID}}, splitLine: {show: false},
    axisLabel: {color: INK, fontSize: FONT, hideOverlap: true,
      formatter: (ms) => (spanMs > 2 * 86400000 ? day(ms) : hourMinute(ms))}};
}

export function valueAxis(extra) {
  return Object.assign({type: 'value', scale: true, splitLine: {lineStyle: {color: GRID}},
    axisLabel: {color: INK, fontSize: FONT, formatter: (v) => number(v)}}, extra);
}

export const base = {
  backgroundColor: 'transparent', animation: false, textStyle: {fontSize: FONT, color: INK},
  tooltip: {trigger: 'axis', textStyle: {fontSize: FONT}},
};

/**
 * A value axis over the data and the first threshold, so that the chart shows how far the values are from blue,
 * and the level bands inside it: from each level's threshold to the next one's, in the level's colour, faint. For
 * "lower is worse" indicators the bands run downwards. Returns {yAxis, bands} for the chart.
 */
export function levelScale(indicator, values) {
  const th = indicator.thresholds || {};
  const higherIsWorse = indicator.direction !== 'lower_is_worse';
  const used = allLevels().filter((l) => th[l.id] !== undefined).map((l) => ({id: l.id, at: th[l.id]}));
  const first = used.length ? [used[0].at] : [];
  // a month of 1-minute windows is too many arguments for Math.min(...values)
  const lo = [...first, ...values].reduce((a, b) => Math.min(a, b), Infinity);
  const hi = [...first, ...values].reduce((a, b) => Math.max(a, b), -Infinity);
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
  const min = higherIsWorse ? Math.max(0, lo - pad) : lo - pad;
  const max = hi + pad;
  const clamp = (v) => Math.min(max, Math.max(min, v));
  const bands = used.map((l, i) => {
    const next = used[i + 1];
    const end = next ? next.at : (higherIsWorse ? max : min);
    const [from, to] = [clamp(l.at), clamp(end)];
    return from === to ? null : [{yAxis: from, itemStyle: {color: colour(l.id), opacity: 0.18}, name: levelName(l.id),
      label: {show: true, position: 'insideTopLeft', color: colour(l.id), fontSize: FONT}}, {yAxis: to}];
  }).filter(Boolean);
  return {yAxis: valueAxis({scale: false, min: nice(min), max: nice(max)}), bands};
}

const nice = (v) => Number(v.toPrecision(3));

/**
 * A sparkline of `points` ([ms, value] oldest first) as an inline SVG; data-points says how many it draws and
 * data-from/data-to the range they were asked for.
 */
export function sparkline(points, level, range) {
  const w = 160;
  const h = 22;
  const node = svg('svg', {class: 'spark', viewBox: `0 0 ${w} ${h}`, preserveAspectRatio: 'none',
    'data-points': points.length, 'aria-hidden': 'true'});
  if (range) {
    node.dataset.from = new Date(range.from).toISOString();
    node.dataset.to = new Date(range.to).toISOString();
  }
  if (points.length < 2) return node;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const sx = (x) => ((x - x0) / (x1 - x0 || 1)) * (w - 2) + 1;
  const sy = (y) => h - 1 - ((y - y0) / (y1 - y0 || 1)) * (h - 2);
  node.append(svg('polyline', {fill: 'none', stroke: colour(level) || INK, 'stroke-width': 1.5, 'vector-effect': 'non-scaling-stroke',
    points: points.map((p) => sx(p[0]).toFixed(1) + ',' + sy(p[1]).toFixed(1)).join(' ')}));
  return node;
}
