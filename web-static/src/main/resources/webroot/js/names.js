// Names of the things the platform talks about, in the current language.
import {el} from './dom.js';
import {state} from './state.js';
import {nameOf, t, tOr} from './i18n.js';

export function areaName(code) {
  if (state.city && code === state.city.code) return t('district.cityWide');
  return nameOf(state.districts.get(code)) || code;
}

/**
 * Fills a select with the areas the user may choose (their districts, and the city's own code for an operations
 * centre) in the current language, keeping the choice.
 */
export function fillAreaSelect(select) {
  const chosen = select.value;
  const codes = [...(state.me.allDistricts ? [state.city.code] : []), ...state.districts.keys()];
  select.replaceChildren(...codes.map((code) => el('option', {value: code}, areaName(code))));
  if (codes.includes(chosen)) select.value = chosen;
}

export const indicatorName = (id) => nameOf(state.indicators.get(id)) || id;

/** The unit in the current language (件/小时 for cases/h); symbols such as µg/m³ stay as they are. */
export function unit(id) {
  const i = state.indicators.get(id);
  return i ? tOr('unit.' + i.unit, i.unit) : '';
}

export const channelName = (c) => tOr('channel.' + c, c);
export const categoryName = (c) => tOr('category.' + c, c.replace(/_/g, ' '));
