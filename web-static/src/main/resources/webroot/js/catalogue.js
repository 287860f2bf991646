// The metadata catalogue page (#/catalogue): every source, metric, indicator, dataset and table of the data
// standard from GET /api/catalogue, with names in both languages, class, owner, unit, update period, lineage both
// ways and live freshness. Searching asks the server (q=); while the page is shown it is read again every few
// seconds, so a source that stops turns stale on screen without a reload.
import {$, el} from './dom.js';
import {get} from './api.js';
import {dateTime, duration, nameOf, t} from './i18n.js';

const REFRESH_MS = 5000;
let timer = null;
let items = [];
let asked = 0;

export function showCatalogue() {
  load();
  if (!timer) timer = setInterval(load, REFRESH_MS);
}

export function hideCatalogue() {
  clearInterval(timer);
  timer = null;
}

export function initCatalogue() {
  $('catalogue-search').addEventListener('input', load);
}

async function load() {
  const q = $('catalogue-search').value.trim();
  const mine = ++asked;
  try {
    const answer = await get('/api/catalogue', q ? {q} : undefined);
    if (mine !== asked) return;   // a later search answered first
    items = answer.items;
    $('catalogue-error').textContent = '';
    renderCatalogue();
  } catch (e) {
    $('catalogue-error').textContent = e.message;
  }
}

export function renderCatalogue() {
  $('catalogue-count').textContent = t('catalogue.count', {count: items.length});
  $('catalogue-rows').replaceChildren(...items.map(row));
}

function row(item) {
  const fresh = item.freshness;
  return el('tr', {'data-ref': item.ref, 'data-class': item.class},
    el('td', {class: 'catalogue-kind'}, t('catalogue.kind.' + item.kind)),
    el('td', {class: 'catalogue-name'}, el('div', {}, nameOf(item)), el('div', {class: 'muted'}, otherName(item)),
      el('code', {}, item.ref)),
    el('td', {}, el('span', {class: 'class-badge class-' + item.class}, t('class.' + item.class))),
    el('td', {}, nameOf(item.owner)),
    el('td', {}, item.unit || ''),
    el('td', {}, item.updateEverySeconds ? duration(item.updateEverySeconds) : ''),
    el('td', {class: 'lineage-from'}, links(item.from)),
    el('td', {class: 'lineage-to'}, links(item.to)),
    el('td', {class: 'catalogue-freshness' + (fresh ? (fresh.stale ? ' stale' : ' fresh') : ''),
      'data-stale': fresh ? String(fresh.stale) : null}, freshness(fresh)));
}

/** The name in the language not shown first, so both are always on the page. */
function otherName(item) {
  return nameOf(item) === item.nameZh ? item.nameEn : item.nameZh;
}

/** Lineage refs as links that search the catalogue for them. */
function links(refs) {
  return refs.map((ref) => el('a', {href: '#/catalogue', class: 'lineage', onclick: (e) => {
    e.preventDefault();
    $('catalogue-search').value = ref.slice(ref.indexOf(':') + 1);
    load();
  }}, ref));
}

function freshness(f) {
  if (!f) return t('catalogue.notTracked');
  if (!f.newest) return t('catalogue.noData');
  const params = {lag: duration(f.lagSeconds), newest: dateTime(f.newest)};
  return f.stale ? t('catalogue.stale', params) : t('catalogue.fresh', params);
}
