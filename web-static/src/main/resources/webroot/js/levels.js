// The level vocabulary. The levels themselves (ids, severity, zh/en names) come from the server (/api/indicators);
// their colour, ink and icon are defined once, as CSS custom properties in style.css, and read here.
import {el} from './dom.js';
import {nameOf} from './i18n.js';

let levels = [];
const look = new Map();

export function setLevels(fromServer) {
  levels = [...fromServer].sort((a, b) => a.severity - b.severity);
  const css = getComputedStyle(document.documentElement);
  for (const l of levels) {
    const prop = (suffix) => css.getPropertyValue(`--level-${l.id}${suffix}`).trim();
    look.set(l.id, {colour: prop(''), ink: prop('-ink'), icon: prop('-icon').replace(/^["']|["']$/g, '')});
  }
}

export const allLevels = () => levels;
export const severity = (id) => (levels.find((l) => l.id === id) || {severity: -1}).severity;
export const colour = (id) => (look.get(id) || {}).colour || getComputedStyle(document.documentElement)
  .getPropertyValue('--level-none').trim();
export const icon = (id) => (look.get(id) || {}).icon || '?';
/** The level's name in the current language, capitalised as a label ("Red", "红色"). */
export function levelName(id) {
  const name = nameOf(levels.find((l) => l.id === id)) || id;
  return name.charAt(0).toUpperCase() + name.slice(1);
}
export const levelText = (id) => icon(id) + ' ' + levelName(id);

/** The badge: colour, icon and text. */
export function badge(id) {
  return el('span', {class: 'level level-' + id, 'data-level': id},
    el('span', {class: 'level-icon', 'aria-hidden': 'true'}, icon(id)), levelName(id));
}
