// The incident panel: new cases per hour by channel over the last 24 h, and the 12345 categories rising fastest.
import {el} from './dom.js';
import {get} from './api.js';
import {integer, number, t} from './i18n.js';
import {FONT, base, chartIn, timeAxis, valueAxis} from './charts.js';
import {categoryName, channelName} from './names.js';

const CHANNELS = ['12345', '110', '119', '120', 'utility'];
const CHANNEL_COLOURS = ['#4fb3ff', '#f2c200', '#e0303f', '#58d68d', '#b084f5'];

/** Loads and draws the incidents of `district` (a district, or the user's whole scope when undefined). */
export async function renderIncidents(chartElement, risingList, district) {
  let answer;
  try {
    answer = await get('/api/screen/incidents', district ? {district} : undefined);
  } catch (e) {
    return;
  }
  lastAnswers.set(chartElement, {answer, risingList});
  draw(chartElement, answer, risingList);
}

const lastAnswers = new Map();

/** Redraws from the last answer (a language switch). */
export function redrawIncidents() {
  lastAnswers.forEach(({answer, risingList}, chartElement) => draw(chartElement, answer, risingList));
}

function draw(chartElement, answer, risingList) {
  const chart = chartIn(chartElement);
  chart.setOption(Object.assign({}, base, {
    legend: {top: 0, left: 0, itemGap: 8, textStyle: {color: '#c9d3e0', fontSize: FONT}, itemWidth: 12, itemHeight: 10},
    grid: {left: 40, right: 8, top: 56, bottom: 24},
    xAxis: timeAxis(Date.parse(answer.to) - 86400000, Date.parse(answer.to)),
    yAxis: valueAxis({scale: false, minInterval: 1}),
    series: CHANNELS.map((c, i) => ({type: 'bar', stack: 'cases', name: channelName(c), barMaxWidth: 10,
      itemStyle: {color: CHANNEL_COLOURS[i]},
      data: answer.perHour.filter((r) => r.channel === c).map((r) => [Date.parse(r.hour), r.cases])})),
  }), {replaceMerge: ['series']});
  const rising = answer.risingHotlineCategories;
  risingList.replaceChildren(...(rising.length ? rising.map((r) => el('li', {'data-category': r.category},
    categoryName(r.category), ' ',
    el('span', {class: 'delta'}, '+' + number(r.lastHour - r.dayBefore / 24)),
    el('div', {class: 'muted'}, t('incidents.delta', {last: integer(r.lastHour), mean: number(r.dayBefore / 24)}))))
    : [el('li', {class: 'empty'}, t('incidents.none'))]));
}
