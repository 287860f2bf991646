// The district map: ECharts with the SVG renderer (texts stay in the DOM), coloured by the chosen indicator's level or
// by health. Labels carry the district's name and the shown value; ECharts moves labels apart where the dense centre
// would overlap them. Clicking a district opens its page.
import {$, el} from './dom.js';
import {get} from './api.js';
import {integer, number, t, nameOf} from './i18n.js';
import {allLevels, colour, icon, levelText} from './levels.js';
import {FONT, chartIn} from './charts.js';
import {areaName, indicatorName, unit} from './names.js';
import {state, value} from './state.js';

const HEALTH = '__health';
let chart = null;
let pending = false;

export async function initMap(onDistrict) {
  let geo;
  try {
    geo = await get('/api/geo');
  } catch (e) {
    $('map-panel').hidden = true;   // this city ships no boundaries
    return;
  }
  /* global echarts */
  echarts.registerMap('city', geo);
  layout = calloutLayout(geo);
  chart = chartIn($('map'));
  chart.on('click', (p) => {
    const code = p.componentType === 'geo' ? p.name : p.data && p.data.code;
    if (code && state.districts.has(code)) onDistrict(code);
  });
  $('map-indicator').addEventListener('change', renderMapSoon);
  fillSelect();
  renderMapSoon();
}

/**
 * Districts too small to hold their label at this scale (the dense centre) get a callout: the label in a column
 * east of the city, ordered by latitude so that leader lines never cross, joined to the district by a line.
 */
function calloutLayout(geo) {
  const boxes = new Map(geo.features.map((f) => [f.properties.code, bbox(f.geometry.coordinates)]));
  anchors = new Map(geo.features.map((f) => [f.properties.code, centreOfLargestPart(f.geometry)]));
  const all = [...boxes.values()];
  const city = {x0: Math.min(...all.map((b) => b.x0)), x1: Math.max(...all.map((b) => b.x1)),
    y0: Math.min(...all.map((b) => b.y0)), y1: Math.max(...all.map((b) => b.y1))};
  const width = city.x1 - city.x0;
  const height = city.y1 - city.y0;
  const small = [...boxes.entries()].filter(([, b]) => Math.max(b.x1 - b.x0, b.y1 - b.y0) < SMALL_SHARE * width)
    .map(([code, b]) => ({code, at: [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2]}))
    .sort((a, b) => b.at[1] - a.at[1]);
  const step = CALLOUT_STEP * height;
  const middle = small.reduce((sum, d) => sum + d.at[1], 0) / (small.length || 1);
  const x = city.x1 + CALLOUT_GAP * width;
  return new Map(small.map((d, i) => [d.code,
    {from: d.at, to: [x, middle + ((small.length - 1) / 2 - i) * step]}]));
}

const SMALL_SHARE = 0.12;   // of the city's width
const CALLOUT_GAP = 0.06;   // east of the city, in city widths
const CALLOUT_STEP = 0.06;  // between callouts, in city heights
let layout = new Map();
let anchors = new Map();   // code → [lon, lat] where the district's label goes

/** The bounding-box centre of a district's largest polygon (an island must not pull the label off the mainland). */
function centreOfLargestPart(geometry) {
  const parts = geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates];
  const boxes = parts.map((p) => bbox(p));
  const largest = boxes.reduce((a, b) => ((b.x1 - b.x0) * (b.y1 - b.y0) > (a.x1 - a.x0) * (a.y1 - a.y0) ? b : a));
  return [(largest.x0 + largest.x1) / 2, (largest.y0 + largest.y1) / 2];
}

function bbox(coordinates) {
  const b = {x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity};
  const walk = (c) => {
    if (typeof c[0] === 'number') {
      b.x0 = Math.min(b.x0, c[0]); b.x1 = Math.max(b.x1, c[0]);
      b.y0 = Math.min(b.y0, c[1]); b.y1 = Math.max(b.y1, c[1]);
    } else c.forEach(walk);
  };
  walk(coordinates);
  return b;
}

export function fillSelect() {
  const select = $('map-indicator');
  const chosen = select.value || HEALTH;
  select.replaceChildren(el('option', {value: HEALTH}, t('map.health')),
    ...[...state.indicators.values()].map((i) => el('option', {value: i.id}, nameOf(i))));
  select.value = chosen;
}

/** Many updates a second become one redraw. */
export function renderMapSoon() {
  if (!chart || pending) return;
  pending = true;
  setTimeout(renderMap, 400);
}

function shown(code) {
  const id = $('map-indicator').value;
  if (id === HEALTH) {
    const h = state.health.get(code);
    return h && {level: h.worstLevel, text: integer(h.score)};
  }
  const v = value(id, code);
  return v && {level: v.level, text: number(v.value)};
}

function labelText(code) {
  const s = shown(code);
  return nameOf(state.districts.get(code)).replace(/新?区$/, '') + (s ? ' ' + icon(s.level) + s.text : '');
}

const LABEL = {color: '#fff', fontSize: FONT, lineHeight: 16, textBorderColor: '#0b1017', textBorderWidth: 3};
const LABEL_FONT = FONT + 'px "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
const LABEL_HEIGHT = 18;

function renderMap() {
  pending = false;
  const id = $('map-indicator').value;
  const levelIds = allLevels().map((l) => l.id);
  const data = [...state.districts.values()].map((d) => {
    const s = shown(d.code);
    return {name: d.code, value: s ? levelIds.indexOf(s.level) : null};
  });
  chart.setOption({
    backgroundColor: 'transparent',
    tooltip: {textStyle: {fontSize: FONT}, formatter: (p) => tooltip(p.name || (p.data && p.data.code), id)},
    visualMap: {type: 'piecewise', left: 4, bottom: 4, itemGap: 4, seriesIndex: 0,
      textStyle: {color: '#dde', fontSize: FONT},
      pieces: levelIds.map((l, i) => ({value: i, color: colour(l), label: levelText(l)})),
      outOfRange: {color: '#2a3140'}},
    geo: {map: 'city', nameProperty: 'code', roam: false, layoutCenter: ['46%', '50%'], layoutSize: '96%',
      selectedMode: false, itemStyle: {areaColor: '#2a3140', borderColor: '#0b1017', borderWidth: 1},
      label: {show: false}, emphasis: {label: {show: false}, itemStyle: {areaColor: '#4fb3ff'}}},
    series: [{type: 'map', geoIndex: 0, data}],
  }, {replaceMerge: ['series']});
  // the geo layout exists now: place the labels in pixels, apart, then draw them
  const labels = placeLabels();
  chart.setOption({series: [
    {type: 'map', geoIndex: 0, data},
    {type: 'lines', coordinateSystem: 'geo', polyline: true, silent: true, z: 5,
      lineStyle: {color: '#c9d3e0', width: 1, opacity: 0.8},
      data: labels.filter((l) => l.leader).map((l) => ({coords: l.leader}))},
    {type: 'scatter', coordinateSystem: 'geo', symbolSize: 0, z: 6,
      data: labels.map((l) => ({value: l.at, code: l.code})),
      label: Object.assign({show: true, position: 'inside', formatter: (p) => labelText(p.data.code)}, LABEL)},
  ]}, {replaceMerge: ['series']});
}

let measure = null;
function textWidth(text) {
  measure = measure || document.createElement('canvas').getContext('2d');
  measure.font = LABEL_FONT;
  return measure.measureText(text).width + 2 * LABEL.textBorderWidth;
}

/**
 * Label positions in map coordinates. Districts that hold their label get it at their centre; the small central
 * ones get a callout in a column east of the city with a leader line. Labels that would still overlap are pushed
 * apart vertically until none do.
 */
function placeLabels() {
  const toPixel = (lonLat) => chart.convertToPixel({geoIndex: 0}, lonLat);
  const labels = [...state.districts.keys()].filter((code) => anchors.has(code)).map((code) => {
    const callout = layout.get(code);
    const w = textWidth(labelText(code));
    const [x, y] = toPixel(callout ? callout.to : anchors.get(code));
    // a callout's text starts right of its column, a centred label straddles its anchor
    return {code, callout, w, x: callout ? x + w / 2 : x, y};
  });
  for (let round = 0; round < 100; round++) {
    let moved = false;
    labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => {
      const overlapY = LABEL_HEIGHT + 1 - Math.abs(a.y - b.y);
      if (Math.abs(a.x - b.x) < (a.w + b.w) / 2 + 2 && overlapY > 0) {
        const [upper, lower] = a.y <= b.y ? [a, b] : [b, a];
        upper.y -= overlapY / 2;
        lower.y += overlapY / 2;
        moved = true;
      }
    }));
    if (!moved) break;
  }
  const toGeo = (pixel) => chart.convertFromPixel({geoIndex: 0}, pixel);
  return labels.map((l) => {
    const at = toGeo([l.x, l.y]);
    if (!l.callout) return {code: l.code, at};
    const start = toGeo([l.x - l.w / 2, l.y]);
    return {code: l.code, at, leader: [l.callout.from, toGeo([l.x - l.w / 2 - 12, l.y]), start]};
  });
}

// ECharts puts tooltip text into HTML: everything here is escaped by building it as text first.
function tooltip(code, id) {
  const lines = [areaName(code)];
  const v = id !== HEALTH && value(id, code);
  if (v) lines.push(indicatorName(id) + ' ' + number(v.value) + ' ' + unit(id) + ' · ' + levelText(v.level));
  const h = state.health.get(code);
  if (h) lines.push(t('map.health') + ' ' + integer(h.score) + ' · ' + levelText(h.worstLevel));
  return lines.map((l) => el('div', {}, l).outerHTML).join('');
}
