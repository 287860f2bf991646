// Situations (事态) on the dispatcher console: the open situations of the user's districts, worst first, each with its
// title, its member alerts (those an inhibition explains marked as suppressed, those planned work explains as in
// maintenance), who acknowledged it and how far it escalated, with buttons to acknowledge it, to acknowledge it and
// dispatch a work order, and to resolve it (situation-form.js); and the maintenance windows in force. The server
// pushes a `situation` frame for every change and `situationWithdrawn` when one merged into another; the list itself
// comes from GET /api/situations after every (re)connection, the windows from GET /api/maintenance.
import {$, el} from './dom.js';
import {ApiError, get, post} from './api.js';
import {clock, dateTime, nameOf, t} from './i18n.js';
import {badge, severity} from './levels.js';
import {areaName, indicatorName} from './names.js';
import {serverNow, state} from './state.js';
import {openSituationForm} from './situation-form.js';

/** Replaces the situations and maintenance windows with the server's, after a (re)connection. */
export async function loadSituations() {
  const [situations, maintenance] = await Promise.all([get('/api/situations', {state: 'open'}),
    get('/api/maintenance', {state: 'active'})]);
  state.situations.clear();
  situations.situations.forEach(applySituation);
  state.maintenance = maintenance.windows;
}

/**
 * Keeps the newest version of a situation; a resolved one leaves the open list. A pushed situation carries only its
 * newest members, so the frame's `memberCount` says how many there are; a listed one carries them all.
 */
export function applySituation(s, memberCount = s.alertIds.length) {
  const old = state.situations.get(s.id);
  if (old && old.updatedAt > s.updatedAt) return;
  if (s.state === 'open') state.situations.set(s.id, Object.assign({memberCount}, s)); else state.situations.delete(s.id);
}

export function withdrawSituation(id) {
  state.situations.delete(id);
}

/** The situation an alert is a member of, and its member entry; undefined when none. */
export function membership(alertId) {
  for (const s of state.situations.values()) {
    const member = s.members.find((m) => m.alertId === alertId);
    if (member) return {situation: s, member};
  }
  return undefined;
}

/** Worst first, then the oldest. */
export const ordered = () => [...state.situations.values()].sort((x, y) => severity(y.level) - severity(x.level)
  || (x.openedAt < y.openedAt ? -1 : x.openedAt > y.openedAt ? 1 : x.id.localeCompare(y.id)));

export function renderSituations() {
  const list = ordered();
  $('situations-count').textContent = t('situations.open', {count: list.length});
  $('situations-empty').hidden = list.length > 0;
  $('situations').replaceChildren(...list.map(situationCard));
  renderMaintenance();
}

function situationCard(s) {
  return el('li', {class: 'situation edge-' + s.level + (s.acknowledged ? ' acked' : ' unacked'),
    'data-situation-id': s.id, 'data-district': s.district, 'data-level': s.level},
    el('div', {class: 'situation-head'}, badge(s.level), el('strong', {class: 'situation-title'}, nameOf(s.title)),
      el('span', {class: 'muted'}, t('situation.since', {at: dateTime(s.openedAt)}))),
    el('div', {class: 'situation-state'}, ackState(s)),
    s.dispatched ? el('div', {class: 'situation-dispatched'}, t('situation.dispatched',
      {assignee: s.dispatched.assignee})) : null,
    el('ul', {class: 'situation-escalations'}, s.escalations.map((e) => el('li', {'data-action-id': e.actionId},
      t('situation.escalated', {assignee: e.assignee, at: dateTime(e.actedAt)})))),
    el('ul', {class: 'situation-members'}, s.members.map(memberItem)),
    el('div', {class: 'situation-buttons'},
      s.acknowledged ? null : el('button', {type: 'button', class: 'situation-ack',
        onclick: () => acknowledge(s.id)}, t('situation.acknowledge')),
      s.acknowledged ? null : el('button', {type: 'button', class: 'situation-dispatch',
        onclick: () => openSituationForm(s, 'dispatch')}, t('situation.form.dispatch')),
      el('button', {type: 'button', class: 'situation-resolve',
        onclick: () => openSituationForm(s, 'resolve')}, t('situation.form.resolve'))),
    el('p', {class: 'error situation-error', role: 'alert'}));
}

/** Who acknowledged the situation, or how long it has waited. */
export function ackState(s) {
  if (s.acknowledged) return t('situation.acked', {user: s.acknowledged.user});
  return t('situation.unacked', {elapsed: clock((serverNow() - Date.parse(s.openedAt)) / 1000)});
}

function memberItem(m) {
  const marks = [m.suppressed && t('situation.suppressed'), m.maintenance && t('situation.inMaintenance',
    {reason: (state.maintenance.find((w) => w.windowId === m.maintenance) || {}).reason || m.maintenance})];
  return el('li', {class: 'member' + (m.suppressed ? ' suppressed' : '') + (m.maintenance ? ' maintenance' : '')
      + (m.resolvedAt ? ' resolved' : ''), 'data-alert-id': m.alertId},
    badge(m.level || m.worstLevel), ' ', indicatorName(m.indicatorId),
    m.resolvedAt ? el('span', {class: 'muted'}, ' · ' + t('kind.resolved')) : null,
    marks.filter(Boolean).map((text) => el('span', {class: 'member-mark'}, text)));
}

async function acknowledge(id) {
  try {
    await post('/api/situations/' + encodeURIComponent(id) + '/actions', {action: 'acknowledge'});
  } catch (e) {
    const card = $('situations').querySelector(`[data-situation-id="${CSS.escape(id)}"] .situation-error`);
    if (card) card.textContent = e instanceof ApiError ? e.message : String(e);
  }
}

/** The banner announcing planned work in force in the user's areas. */
function renderMaintenance() {
  const now = serverNow();
  const active = state.maintenance.filter((w) => Date.parse(w.from) <= now && now < Date.parse(w.to));
  $('maintenance-banner').hidden = active.length === 0;
  $('maintenance-banner').replaceChildren(...active.map((w) => el('div', {'data-window-id': w.windowId},
    t('maintenance.banner', {target: w.target, area: areaName(w.area), kind: t('maintenance.kind.' + w.kind),
      until: dateTime(w.to), reason: w.reason}))));
}

/** Once a second: the acknowledgement clocks move, windows start and end. */
export function situationsTick() {
  $('situations').querySelectorAll('li.situation.unacked').forEach((card) => {
    const s = state.situations.get(card.dataset.situationId);
    if (s) card.querySelector('.situation-state').textContent = ackState(s);
  });
  renderMaintenance();
}
