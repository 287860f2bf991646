// The dispatcher console: the open alerts of the user's districts, most severe first and oldest first within a
// level, with how long each has been open and an acknowledgement clock; a drawer with the alert's transitions, the
// value around it and what people did; actions by button or key; a browser notification and an optional sound for
// each new alert.
import {$, el} from './dom.js';
import {get, history} from './api.js';
import {clock, dateTime, duration, number, t} from './i18n.js';
import {badge, severity} from './levels.js';
import {base, chartIn, levelScale, timeAxis} from './charts.js';
import {alertText, handlingTexts, isSilenced, openFor, openSeconds} from './alerts.js';
import {ACTIONS, act} from './actions.js';
import {areaName, indicatorName, unit} from './names.js';
import {serverNow, state} from './state.js';
import {membership, renderSituations} from './situations.js';

const SOUND_KEY = 'cityvitals.sound';
let selected = null;     // alert id
let drawerOpen = false;

export function initConsole() {
  $('sound-toggle').checked = localStorage.getItem(SOUND_KEY) === 'on';
  $('sound-toggle').addEventListener('change', (e) => localStorage.setItem(SOUND_KEY, e.target.checked ? 'on' : 'off'));
  $('notify-enable').addEventListener('click', () => Notification.requestPermission().then(renderNotifyButton));
  $('drawer-close').addEventListener('click', closeDrawer);
  $('queue').addEventListener('click', (e) => {
    const row = e.target.closest('tr[data-alert-id]');
    if (row) select(row.dataset.alertId, true);
  });
  document.addEventListener('keydown', onKey);
  renderNotifyButton();
}

function renderNotifyButton() {
  $('notify-enable').hidden = typeof Notification === 'undefined' || Notification.permission !== 'default';
}

/** Most severe first, then the longest open. */
export function queue() {
  return [...state.open.values()].sort((x, y) => severity(y.level) - severity(x.level)
    || openSeconds(y) - openSeconds(x) || x.alertId.localeCompare(y.alertId));
}

export function renderConsole() {
  const alerts = queue();
  if (selected && !state.open.has(selected)) selected = null;
  $('queue-count').textContent = t('alerts.open', {count: alerts.length});
  $('queue-empty').hidden = alerts.length > 0;
  $('queue').tBodies[0].replaceChildren(...alerts.map(queueRow));
  if (drawerOpen && selected) renderDrawerSummary();
  renderSituations();
}

function queueRow(a) {
  return el('tr', {class: rowClass(a), 'data-alert-id': a.alertId, 'data-district': a.district, 'data-level': a.level},
    el('td', {}, badge(a.level)),
    el('td', {}, areaName(a.district)),
    el('td', {}, alertText(a)),
    el('td', {class: 'clock-cell open-for'}, openFor(a)),
    el('td', {class: 'clock-cell ack-clock'}, ackClock(a, state.handling.get(a.alertId))),
    el('td', {class: 'handling'}, handling(a)));
}

/** The row's marks: level, selection, acknowledged or not, and dimmed when silenced or another cause explains it. */
function rowClass(a) {
  const h = state.handling.get(a.alertId);
  const member = (membership(a.alertId) || {}).member || {};
  return 'edge-' + a.level + (a.alertId === selected ? ' selected' : '') + (h && h.acknowledged ? ' acked' : ' unacked')
    + (isSilenced(h) || member.suppressed || member.maintenance ? ' muted' : '')
    + (member.suppressed ? ' suppressed' : '') + (member.maintenance ? ' maintenance' : '');
}

function handling(a) {
  const member = (membership(a.alertId) || {}).member || {};
  return [member.suppressed ? el('div', {}, t('situation.suppressed')) : null,
    member.maintenance ? el('div', {}, t('queue.maintenance')) : null,
    handlingTexts(state.handling.get(a.alertId)).map((text) => el('div', {}, text))];
}

/**
 * After a situation changed: the situations again, and the queue's rows marked in place — rebuilt rows would pull the
 * row a dispatcher is about to click from under the pointer several times a second while alerts arrive.
 */
export function renderSituationChanges() {
  renderSituations();
  $('queue').querySelectorAll('tr[data-alert-id]').forEach((row) => {
    const a = state.open.get(row.dataset.alertId);
    if (!a) return;
    row.className = rowClass(a);
    row.querySelector('.handling').replaceChildren(...handling(a).flat().filter(Boolean));
  });
}

/** Running hh:mm:ss until someone acknowledges; then who and how long it took. */
function ackClock(a, h) {
  if (h && h.acknowledged) {
    return t('queue.acked', {user: h.acknowledged.user,
      took: duration((Date.parse(h.acknowledged.actedAt) - Date.parse(a.eventTime)) / 1000)});
  }
  return t('queue.unacked', {elapsed: clock(openSeconds(a))});
}

/** Once a second: the clocks move. */
export function consoleTick() {
  $('queue').querySelectorAll('tr[data-alert-id]').forEach((row) => {
    const a = state.open.get(row.dataset.alertId);
    if (!a) return;
    row.querySelector('.open-for').textContent = openFor(a);
    row.querySelector('.ack-clock').textContent = ackClock(a, state.handling.get(a.alertId));
  });
}

function select(alertId, open) {
  selected = alertId;
  $('queue').querySelectorAll('tr.selected').forEach((r) => r.classList.remove('selected'));
  const row = $('queue').querySelector(`tr[data-alert-id="${CSS.escape(alertId)}"]`);
  if (row) {
    row.classList.add('selected');
    row.scrollIntoView({block: 'nearest'});
  }
  if (open) openDrawer(alertId);
}

export function openDrawer(alertId) {
  selected = alertId;
  drawerOpen = true;
  $('drawer').hidden = false;
  $('drawer').dataset.alertId = alertId;
  renderDrawerSummary();
  loadDrawerDetails(alertId);
}

function closeDrawer() {
  drawerOpen = false;
  $('drawer').hidden = true;
}

function renderDrawerSummary() {
  const a = state.open.get(selected) || state.feed.find((f) => f.alertId === selected);
  if (!a) return;
  $('drawer-title').replaceChildren(badge(a.level), ' ', areaName(a.district), ' · ', indicatorName(a.indicatorId));
  $('drawer-summary').replaceChildren(el('div', {}, alertText(a)),
    el('div', {class: 'muted'}, t('queue.open') + ' ' + openFor(a) + ' · ' + dateTime(a.since || a.eventTime)),
    ...handlingTexts(state.handling.get(a.alertId)).map((text) => el('div', {}, text)));
  $('drawer-actions').replaceChildren(...ACTIONS.map(({id, key}) => el('button', {type: 'button', 'data-action': id,
    onclick: () => runAction(id)}, t('action.' + id), el('kbd', {}, key.toUpperCase()))));
}

async function runAction(action) {
  if (!selected) return;
  $('drawer-error').textContent = (await act(selected, action)) || '';
}

/** Transitions and actions from the server, and the value from an hour before the alert until now. */
export async function loadDrawerDetails(alertId) {
  let detail;
  try {
    detail = await get('/api/alerts/' + encodeURIComponent(alertId));
  } catch (e) {
    $('drawer-error').textContent = e.message;
    return;
  }
  if (selected !== alertId) return;
  const entries = [
    ...detail.transitions.map((tr) => ({at: tr.eventTime, node: el('span', {}, badge(tr.kind === 'resolved'
      ? tr.previousLevel : tr.level), ' ', t('kind.' + tr.kind), ' · ', number(tr.value), ' ', unit(tr.indicatorId))})),
    ...detail.actions.map((ac) => ({at: ac.actedAt, node: el('span', {}, t('action.' + ac.kind), ' · ', ac.user,
      ac.assignee ? ' → ' + ac.assignee : '', ac.note ? ' · ' + ac.note : '')})),
  ].sort((x, y) => (x.at < y.at ? -1 : 1));
  $('drawer-timeline').replaceChildren(...entries.map((e) => el('li', {},
    el('span', {class: 'when'}, dateTime(e.at)), e.node)));
  const first = detail.transitions[0];
  if (!first) return;
  const from = Date.parse(first.eventTime) - 3600000;
  const to = serverNow();
  const rows = await history(first.indicatorId, first.district, from, Math.max(to, from + 60000)).catch(() => []);
  const node = $('drawer-chart');
  node.dataset.points = rows.length;
  const scale = levelScale(state.indicators.get(first.indicatorId), [...rows.map((r) => r.value), first.value]);
  chartIn(node).setOption(Object.assign({}, base, {
    grid: {left: 56, right: 12, top: 12, bottom: 28},
    xAxis: timeAxis(from, to), yAxis: scale.yAxis,
    series: [{type: 'line', showSymbol: false, data: rows.map((r) => [Date.parse(r.windowStart), r.value]),
      itemStyle: {color: '#e8edf4'}, markArea: {silent: true, data: scale.bands},
      markLine: {silent: true, symbol: 'none', data: [{xAxis: Date.parse(first.eventTime)}],
        lineStyle: {color: '#fff', type: 'dashed'}, label: {show: false}}}],
  }), {notMerge: true});
}

/** Refreshes the drawer when its alert changes or someone acts on it. */
export function onAlertChanged(alertId) {
  if (drawerOpen && alertId === selected) {
    renderDrawerSummary();
    loadDrawerDetails(alertId);
  }
}

function onKey(e) {
  if ($('console').hidden || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.target.closest('input, textarea, select, dialog')) return;
  const alerts = queue();
  const at = alerts.findIndex((a) => a.alertId === selected);
  const key = e.key.toLowerCase();
  if (key === 'j' || key === 'arrowdown') select((alerts[Math.min(at + 1, alerts.length - 1)] || {}).alertId, drawerOpen);
  else if (key === 'k' || key === 'arrowup') select((alerts[Math.max(at - 1, 0)] || {}).alertId, drawerOpen);
  else if (key === 'enter' && selected) openDrawer(selected);
  else if (key === 'escape') closeDrawer();
  else {
    const action = ACTIONS.find((a) => a.key === key);
    if (!action || !selected) return;
    runAction(action.id);
  }
  e.preventDefault();
}

/** A browser notification and, when switched on, a short tone for a new alert in this user's scope. */
export function announce(a) {
  if (a.kind !== 'opened' || a.origin === 'backfill') return;
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    new Notification(t('notify.title', {district: areaName(a.district)}), {body: alertText(a), tag: a.alertId});
  }
  if ($('sound-toggle').checked) beep(a.level);
}

let audio = null;
function beep(level) {
  audio = audio || new AudioContext();
  const osc = audio.createOscillator();
  const gain = audio.createGain();
  osc.frequency.value = 440 + 110 * Math.max(0, severity(level));
  gain.gain.setValueAtTime(0.2, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.6);
  osc.connect(gain).connect(audio.destination);
  osc.start();
  osc.stop(audio.currentTime + 0.6);
}
