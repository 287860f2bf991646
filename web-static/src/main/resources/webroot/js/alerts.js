// Alert texts and the alert feed. Texts are rendered from the alert's structured fields (rule, indicator, district,
// value, threshold, level) in the current language; the server's `message` is only the fallback for a rule the
// catalogue has no text for.
import {el} from './dom.js';
import {number, t, time, duration} from './i18n.js';
import {badge, levelName} from './levels.js';
import {ageSeconds} from './freshness.js';
import {areaName, indicatorName, unit} from './names.js';
import {state} from './state.js';

export function alertText(a) {
  const u = unit(a.indicatorId);
  const fields = {rule: a.rule, district: areaName(a.district), indicator: indicatorName(a.indicatorId),
    value: number(a.value) + (u ? ' ' + u : ''), threshold: number(a.threshold) + (u ? ' ' + u : ''),
    level: levelName(a.level), fallback: a.message};
  return a.kind === 'resolved' ? t('alert.resolvedText', fields) : t('alert.text', fields);
}

export const isSilenced = (h) => Boolean(h && h.silenced && Date.parse(h.silenced.silencedUntil) > Date.now());

/** One line per thing people did: acknowledged, assigned, escalated, silenced, latest comment. */
export function handlingTexts(h) {
  if (!h) return [];
  const by = (a) => ({user: a.user, assignee: a.assignee, note: a.note, until: a.silencedUntil && time(a.silencedUntil)});
  return [
    h.acknowledged && t('handled.acknowledge', by(h.acknowledged)),
    h.assigned && t('handled.assign', by(h.assigned)),
    h.escalated && t('handled.escalate', by(h.escalated)),
    isSilenced(h) && t('handled.silence', by(h.silenced)),
    h.lastComment && t('handled.comment', by(h.lastComment)),
  ].filter(Boolean);
}

export function alertItem(a, onDistrict) {
  const h = state.handling.get(a.alertId);
  const open = a.kind !== 'resolved' && state.open.has(a.alertId);
  const shownLevel = a.kind === 'resolved' ? a.previousLevel : a.level;
  return el('li', {class: 'alert-item edge-' + shownLevel + (a.kind === 'resolved' ? ' resolved' : '')
      + (open && isSilenced(h) ? ' muted' : '') + (h && h.acknowledged ? ' acknowledged' : ''),
    'data-alert-id': a.alertId, 'data-district': a.district},
    el('time', {class: 'alert-time', datetime: a.eventTime}, time(a.eventTime)),
    badge(shownLevel),
    el('span', {class: 'alert-district', onclick: () => onDistrict && onDistrict(a.district)}, areaName(a.district)),
    el('span', {class: 'alert-kind'}, t('kind.' + a.kind)),
    el('span', {class: 'alert-text'}, alertText(a)),
    open ? handlingTexts(h).map((text) => el('span', {class: 'who'}, text)) : []);
}

/** The feed, newest first; in an alarm flood grouped by rule and indicator, biggest group first, none hidden. */
export function renderFeed(list, alerts, onDistrict) {
  const flooded = Boolean(state.flood && state.flood.active);
  if (!flooded) {
    list.replaceChildren(...alerts.map((a) => alertItem(a, onDistrict)));
    return;
  }
  list.replaceChildren(...groupedItems(alerts, onDistrict));
}

/**
 * Removes items from the end of a fixed-height list until the rest fits whole: a wall screen shows the newest
 * alerts complete rather than a half-cut last one (the open count in the header gives the total).
 */
export function fitList(list) {
  while (list.scrollHeight > list.clientHeight + 1) {
    const items = list.querySelectorAll('li.alert-item');
    if (!items.length) return;
    const last = items[items.length - 1];
    const group = last.closest('li.alert-group');
    last.remove();
    if (group && !group.querySelector('li.alert-item')) group.remove();
  }
}

function groupedItems(alerts, onDistrict) {
  const groups = new Map();
  alerts.forEach((a) => {
    const key = a.rule + '|' + a.indicatorId;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(a);
  });
  return [...groups.values()].sort((x, y) => y.length - x.length).map((group) =>
    el('li', {class: 'alert-group', 'data-rule': group[0].rule, 'data-indicator': group[0].indicatorId},
      el('div', {class: 'group-head'}, t('rule.' + group[0].rule) + ' · ' + indicatorName(group[0].indicatorId)
        + ' ×' + group.length),
      el('ol', {class: 'alert-feed'}, group.map((a) => alertItem(a, onDistrict)))));
}

export function floodText(f) {
  return t('flood.banner', {minutes: f.windowMinutes, opened: f.opened, threshold: f.threshold});
}

/** Seconds an alert has been open: since its condition began when the server says so, else since it opened. */
export function openSeconds(a) {
  return ageSeconds(a.since || a.eventTime);
}

export const openFor = (a) => duration(openSeconds(a));
