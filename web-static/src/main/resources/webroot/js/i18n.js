// Language: Chinese by default, English on the switch; the choice is kept in localStorage. Every text comes from
// the message catalogue of the current language (messages/zh.js, messages/en.js); numbers and dates are formatted
// with that language's locale, times in the city's own time zone.
import zh from './messages/zh.js';
import en from './messages/en.js';

const CATALOGUES = {zh, en};
const STORAGE_KEY = 'cityvitals.lang';
const listeners = [];
let lang = CATALOGUES[localStorage.getItem(STORAGE_KEY)] ? localStorage.getItem(STORAGE_KEY) : 'zh';
let zone = 'Asia/Shanghai';
document.documentElement.lang = CATALOGUES[lang].locale;
let formats = null;

export function language() {
  return lang;
}

export function setLanguage(next) {
  lang = next;
  localStorage.setItem(STORAGE_KEY, next);
  formats = null;
  document.documentElement.lang = CATALOGUES[next].locale;
  listeners.forEach((f) => f());
}

export function toggleLanguage() {
  setLanguage(lang === 'zh' ? 'en' : 'zh');
}

export function onLanguageChange(listener) {
  listeners.push(listener);
}

export function setTimeZone(z) {
  zone = z;
  formats = null;
}

/** The message `key` in the current language; functions get `params`. A missing key shows itself, never blank. */
export function t(key, params) {
  const m = CATALOGUES[lang][key];
  if (m === undefined) return params && params.fallback !== undefined ? params.fallback : key;
  return typeof m === 'function' ? m(params || {}) : m;
}

/** A message when the catalogue has one, `fallback` otherwise (categories, units the catalogue does not know). */
export function tOr(key, fallback) {
  const m = CATALOGUES[lang][key];
  return m === undefined ? fallback : m;
}

/** The name of a thing that carries zh and en names itself (indicators, districts, levels, domains). */
export function nameOf(thing) {
  if (!thing) return '';
  return lang === 'zh' ? (thing.nameZh || thing.zh) : (thing.nameEn || thing.en);
}

function fmt() {
  if (!formats) {
    const locale = CATALOGUES[lang].locale;
    formats = {
      n0: new Intl.NumberFormat(locale, {maximumFractionDigits: 0}),
      n1: new Intl.NumberFormat(locale, {minimumFractionDigits: 1, maximumFractionDigits: 1}),
      n2: new Intl.NumberFormat(locale, {minimumFractionDigits: 2, maximumFractionDigits: 2}),
      dateTime: new Intl.DateTimeFormat(locale, {timeZone: zone, hour12: false, month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit'}),
      time: new Intl.DateTimeFormat(locale, {timeZone: zone, hour12: false, hour: '2-digit', minute: '2-digit',
        second: '2-digit'}),
      hour: new Intl.DateTimeFormat(locale, {timeZone: zone, hour12: false, hour: '2-digit', minute: '2-digit'}),
      day: new Intl.DateTimeFormat(locale, {timeZone: zone, month: '2-digit', day: '2-digit'}),
    };
  }
  return formats;
}

/** Significant digits by size: 1234 → "1,234", 64.2 → "64.2", 0.14 → "0.14". */
export function number(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  const a = Math.abs(v);
  return (a >= 100 ? fmt().n0 : a >= 1 || a === 0 ? fmt().n1 : fmt().n2).format(v);
}

export const integer = (v) => fmt().n0.format(v);
export const dateTime = (iso) => fmt().dateTime.format(new Date(iso));
export const time = (iso) => fmt().time.format(new Date(iso));
export const hourMinute = (ms) => fmt().hour.format(new Date(ms));
export const day = (ms) => fmt().day.format(new Date(ms));

/** A duration in its largest whole unit: 45 s, 12 min, 3 h, 2 d. */
export function duration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 120) return t('duration.s', {n: s});
  if (s < 7200) return t('duration.m', {n: Math.floor(s / 60)});
  if (s < 172800) return t('duration.h', {n: Math.floor(s / 3600)});
  return t('duration.d', {n: Math.floor(s / 86400)});
}

/** "12:05:09"-style clock of elapsed seconds, for the acknowledgement clock. */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

/** Writes every element's data-i18n message into it. */
export function translateDocument(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
}
