// The daily report page (#/report): for one of the user's areas and a local day, the situations opened that day,
// the operations centre's response times with their levels and the indicators whose alerts were worst, from
// GET /api/reports/daily; and the same report as a printable file (format=markdown), fetched with the login token
// and handed to the browser as a download, since a plain link cannot carry the token.
import {$, el} from './dom.js';
import {ApiError, get, token} from './api.js';
import {dateTime, nameOf, number, t} from './i18n.js';
import {badge} from './levels.js';
import {areaName, fillAreaSelect, indicatorName} from './names.js';
import {serverNow, state} from './state.js';

let file = null;   // the object URL of the last printable file, released when the next one replaces it

export function initReport() {
  fillAreaSelect($('report-area'));
  $('report-day').value = cityDay(serverNow());
  $('report-form').addEventListener('submit', (event) => {
    event.preventDefault();
    showReport();
  });
}

/** YYYY-MM-DD of an instant in the city's time zone. */
const cityDay = (ms) => new Intl.DateTimeFormat('en-CA', {timeZone: state.city.zone, year: 'numeric',
  month: '2-digit', day: '2-digit'}).format(new Date(ms));

export async function showReport() {
  const params = {area: $('report-area').value, day: $('report-day').value};
  $('report-error').textContent = '';
  try {
    render(await get('/api/reports/daily', params));
    await prepareFile(params);
  } catch (e) {
    $('report-error').textContent = e instanceof ApiError ? e.message : String(e);
  }
}

function render(r) {
  $('report-title').textContent = t('report.heading', {area: areaName(r.area), day: r.day});
  $('report-situations').replaceChildren(...r.situations.map((s) => el('tr', {'data-situation-id': s.id},
    el('td', {}, dateTime(s.openedAt)), el('td', {}, nameOf(s.title)), el('td', {}, badge(s.level)),
    el('td', {}, t('report.state.' + s.state)), el('td', {}, s.acknowledged ? s.acknowledged.user : '—'),
    el('td', {}, s.resolved ? s.resolved.cause : '—'))));
  $('report-situations-empty').hidden = r.situations.length > 0;
  $('report-times').replaceChildren(...r.responseTimes.map((row) => el('tr',
    {'data-district': row.district, 'data-hazard': row.hazard},
    el('td', {}, areaName(row.district)), el('td', {}, row.hazard), el('td', {class: 'num'}, String(row.situations)),
    mean(row, 'acknowledged', 'Acknowledge', 'acknowledge'), mean(row, 'dispatched', 'Dispatch', 'dispatch'),
    mean(row, 'resolved', 'Resolve', 'resolve'))));
  $('report-times-empty').hidden = r.responseTimes.length > 0;
  $('report-worst').replaceChildren(...r.worstIndicators.map((w) => el('tr', {'data-indicator': w.indicatorId},
    el('td', {}, indicatorName(w.indicatorId)), el('td', {}, badge(w.worstLevel)),
    el('td', {class: 'num'}, String(w.episodes)))));
  $('report-worst-empty').hidden = r.worstIndicators.length > 0;
}

/** The mean minutes of one step with its level; a dash when no situation of the row reached it. */
function mean(row, count, field, step) {
  if (!row[count]) return el('td', {'data-step': step}, '—');
  return el('td', {class: 'num', 'data-step': step}, number(row['meanMinutesTo' + field]), ' ', t('unit.min'), ' ',
    badge(row.levels[step]));
}

async function prepareFile(params) {
  const response = await fetch('/api/reports/daily?' + new URLSearchParams(Object.assign({format: 'markdown'},
    params)), {headers: {Authorization: 'Bearer ' + token()}});
  if (!response.ok) throw new ApiError(response.status, t('report.fileFailed', {status: response.status}));
  if (file) URL.revokeObjectURL(file);
  file = URL.createObjectURL(await response.blob());
  const link = $('report-file');
  link.href = file;
  // the server names the file (content-disposition); a download link keeps that name
  link.download = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') || '')[1];
  link.hidden = false;
}
