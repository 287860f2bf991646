// The big screen's situations: the open situations in scope, worst first, one line each — level, title, how many
// alerts it gathers and its escalation state (how far it escalated and to whom, and who acknowledged it or how long
// it has waited). The same `situation` frames that keep the console live keep it live (situations.js holds them).
import {$, el} from './dom.js';
import {nameOf, t} from './i18n.js';
import {badge} from './levels.js';
import {ackState, ordered} from './situations.js';
import {state} from './state.js';

// at most this many rows above the alert feed; the count in the heading gives the total
export const WALL_ROWS = 4;

/** The `rows` worst open situations, and a line saying how many more there are. */
export function renderWallSituations(onDistrict, rows) {
  const list = ordered();
  $('wall-situations-count').textContent = t('situations.open', {count: list.length});
  $('wall-situations-empty').hidden = list.length > 0;
  // replaceChildren, unlike el(), would show a null child as the text "null"
  $('wall-situations').replaceChildren(...list.slice(0, rows).map((s) => row(s, onDistrict)),
    ...(list.length > rows ? [el('li', {class: 'muted wall-more'},
      t('situations.more', {count: list.length - rows}))] : []));
}

function row(s, onDistrict) {
  return el('li', {class: 'wall-situation edge-' + s.level + (s.acknowledged ? ' acked' : ' unacked'),
      'data-situation-id': s.id, 'data-district': s.district, 'data-level': s.level,
      onclick: () => onDistrict(s.district)},
    badge(s.level), el('span', {class: 'wall-situation-title'}, nameOf(s.title)),
    el('span', {class: 'wall-situation-members'}, t('situation.members', {count: s.memberCount})),
    el('span', {class: 'wall-situation-state'}, escalationState(s)));
}

/** Once a second: the acknowledgement clocks move, in place (rows rebuilt every second could not be clicked). */
export function wallSituationsTick() {
  $('wall-situations').querySelectorAll('li.wall-situation.unacked').forEach((row) => {
    const s = state.situations.get(row.dataset.situationId);
    if (s) row.querySelector('.wall-situation-state').textContent = escalationState(s);
  });
}

/** "⇧ escalated 2×, last to city_centre · unacknowledged 00:16:05", or only the acknowledgement part. */
function escalationState(s) {
  const last = s.escalations[s.escalations.length - 1];
  return [last && t('situation.escalatedTimes', {times: s.escalations.length, assignee: last.assignee}),
    ackState(s)].filter(Boolean).join(' · ');
}
