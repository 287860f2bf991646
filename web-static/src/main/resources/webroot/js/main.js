// Boot and routing. Log in (POST /api/login) → reference data (/api/me, /api/districts, /api/indicators) → the
// WebSocket → the screen the route names: #/screen (big screen), #/district/CODE (drill-down), #/console
// (dispatcher console; a dispatcher's default page), #/report (the daily report), #/catalogue (the metadata
// catalogue), #/users (admins).
import {$} from './dom.js';
import {ApiError, get, post, setToken, token} from './api.js';
import {onLanguageChange, setTimeZone, t, time, toggleLanguage, translateDocument, nameOf} from './i18n.js';
import {setLevels} from './levels.js';
import {connect, connection, disconnect} from './connection.js';
import {on, serverNow, state} from './state.js';
import {pollFreshness, renderPipeline} from './freshness.js';
import {initScreen, onHealth, onValue, renderAlertsPanel, renderDataQuality, renderScreen, tick} from './screen.js';
import {districtTick, hideDistrict, onDistrictHealth, onDistrictValue, renderDistrict, renderDistrictAlerts,
  showDistrict} from './district.js';
import {announce, consoleTick, initConsole, onAlertChanged, openDrawer, renderConsole,
  renderSituationChanges} from './console.js';
import {initActionForm} from './actions.js';
import {initSituationForm} from './situation-form.js';
import {initHandover, loadHandover} from './handover.js';
import {initReport, showReport} from './report.js';
import {closeIndicatorChart, openIndicatorChart, redrawIndicatorChart} from './indicator-chart.js';
import {fillSelect} from './map.js';
import {fillAreaSelect} from './names.js';
import {redrawIncidents} from './incidents.js';
import {hideCatalogue, initCatalogue, renderCatalogue, showCatalogue} from './catalogue.js';
import {initUsers, showUsers} from './users.js';
import {applySituation, loadSituations, renderSituations, situationsTick, withdrawSituation} from './situations.js';

let started = false;

async function login(event) {
  event.preventDefault();
  $('login-error').textContent = '';
  try {
    const answer = await post('/api/login', {username: $('username').value, password: $('password').value});
    setToken(answer.token);
    boot();
  } catch (e) {
    $('login-error').textContent = e instanceof ApiError && e.status === 401 ? t('login.failed') : e.message;
  }
}

function logout() {
  setToken(null);
  disconnect();
  location.hash = '';
  location.reload();
}

function showLogin() {
  $('login').hidden = false;
  ['screen', 'district-page', 'console', 'report-page', 'catalogue-page', 'users-page'].forEach((id) => { $(id).hidden = true; });
}

async function boot() {
  if (!token()) {
    showLogin();
    return;
  }
  try {
    const [me, districts, catalogue] = await Promise.all([get('/api/me'), get('/api/districts'), get('/api/indicators')]);
    state.me = me;
    state.city = districts.city;
    state.districts = new Map(districts.districts.map((d) => [d.code, d]));
    state.indicators = new Map(catalogue.indicators.map((i) => [i.id, i]));
    setLevels(catalogue.levels);
    setTimeZone(state.city.zone);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setToken(null);
      showLogin();
    } else {
      setTimeout(boot, 3000);
    }
    return;
  }
  $('login').hidden = true;
  $('logout').hidden = false;
  $('nav').hidden = false;
  // the big screen is the operations centre's: a dispatcher's scope holds no city-wide values
  document.querySelector('#nav a[data-route="screen"]').hidden = !state.me.allDistricts;
  document.querySelector('#nav a[data-route="report"]').hidden = !state.me.permissions.includes('view_history');
  document.querySelector('#nav a[data-route="users"]').hidden = !state.me.permissions.includes('manage_users');
  $('user').textContent = state.me.displayName || state.me.username;
  started = true;
  renderChrome();
  wire();
  connect();
  pollFreshness();
  route();
}

function wire() {
  initConsole();
  initActionForm();
  initSituationForm();
  initHandover();
  initReport();
  initCatalogue();
  initUsers();
  on('snapshot', () => {
    renderAll();
    loadSituations().then(situationsChanged, () => {});   // the next snapshot tries again
    loadHandover();
  });
  on('situation', (m) => {
    applySituation(m.situation, m.memberCount);
    situationsChanged();
  });
  on('situationWithdrawn', (m) => {
    withdrawSituation(m.id);
    situationsChanged();
  });
  on('maintenance', (m) => {
    state.maintenance = [...state.maintenance.filter((w) => w.windowId !== m.window.windowId), m.window];
    situationsChanged();
  });
  on('value', (v) => {
    if (!$('screen').hidden) onValue(v);
    onDistrictValue(v);
  });
  on('health', (h) => {
    if (!$('screen').hidden) onHealth(h);
    onDistrictHealth(h);
  });
  on('alert', (a) => {
    renderAlerts();
    onAlertChanged(a.alertId);
    announce(a);
  });
  on('action', (m) => {
    renderAlerts();
    onAlertChanged(m.action.alertId);
  });
  on('flood', renderAlertsPanel);
  on('connection', renderConnection);
  on('freshness', () => {
    renderPipeline();
    if (screenStarted) renderDataQuality();
  });
  on('unauthorised', logout);
  onLanguageChange(() => {
    renderChrome();
    fillSelect();
    renderAll();
    redrawIncidents();
    redrawIndicatorChart();
    renderCatalogue();
    fillAreaSelect($('handover-area'));
    fillAreaSelect($('report-area'));
    if (!$('report-page').hidden) showReport();
    loadHandover();
  });
  document.addEventListener('click', (e) => {
    const tile = e.target.closest('.tile[data-indicator]');
    if (tile) openIndicatorChart(tile.dataset.indicator, tile.dataset.area);
  });
  document.addEventListener('keydown', (e) => {
    const tile = e.target.closest && e.target.closest('.tile[data-indicator]');
    if (tile && e.key === 'Enter') openIndicatorChart(tile.dataset.indicator, tile.dataset.area);
  });
  $('chart-close').addEventListener('click', closeIndicatorChart);
  setInterval(() => {
    $('clock').textContent = time(new Date(serverNow()).toISOString());
    if (!$('screen').hidden) tick();
    districtTick();
    consoleTick();
    situationsTick();
  }, 1000);
}

/** Situations show on the console and on the big screen. */
function situationsChanged() {
  renderSituationChanges();
  if (screenStarted) renderAlertsPanel();
}

function renderAll() {
  if (screenStarted) renderScreen();
  renderDistrict();
  renderConsole();
}

function renderAlerts() {
  renderAlertsPanel();
  renderDistrictAlerts();
  renderConsole();
}

function renderChrome() {
  translateDocument();
  document.title = t('app.title') + ' · CityVitals';
  $('lang-switch').textContent = t('lang.switch');
  $('city-name').textContent = nameOf(state.city);
  renderConnection();
  renderPipeline();
}

function renderConnection() {
  const c = connection;
  const pill = $('conn');
  pill.className = 'status-pill' + (c.status === 'live' ? ' ok' : c.status === 'stale' ? ' bad' : '');
  pill.textContent = c.status === 'stale' ? '⚠ ' + t('conn.stale', {seconds: c.silentSeconds})
    : (c.status === 'live' ? '● ' : '◌ ') + t('conn.' + c.status);
  $('socket-banner').hidden = c.status !== 'stale';
  $('socket-banner').textContent = c.status === 'stale' ? t('socket.banner', {seconds: c.silentSeconds}) : '';
}

// ---- routing ----------------------------------------------------------------------------------------------

let screenStarted = false;

function route() {
  if (!started) return;
  const [, page, arg] = (location.hash || '').split('/');
  const target = page || (state.me.role === 'dispatcher' ? 'console' : 'screen');
  $('screen').hidden = target !== 'screen';
  $('district-page').hidden = target !== 'district';
  $('console').hidden = target !== 'console';
  $('report-page').hidden = target !== 'report';
  $('catalogue-page').hidden = target !== 'catalogue';
  $('users-page').hidden = target !== 'users';
  if (target !== 'catalogue') hideCatalogue();
  document.querySelectorAll('#nav a').forEach((a) => a.classList.toggle('active', a.dataset.route === target));
  if (target !== 'district') hideDistrict();
  if (target === 'screen') {
    if (!state.me.allDistricts) {   // the big screen is the operations centre's; a dispatcher has the console
      location.hash = '#/console';
      return;
    }
    if (!screenStarted) {
      screenStarted = true;
      initScreen(openDistrict);
    } else {
      renderScreen();
    }
  } else if (target === 'district') {
    showDistrict(arg);
  } else if (target === 'console') {
    renderConsole();
    if (arg) openDrawer(decodeURIComponent(arg));
  } else if (target === 'report') {
    showReport();
  } else if (target === 'catalogue') {
    showCatalogue();
  } else if (target === 'users') {
    showUsers();
  }
}

function openDistrict(code) {
  location.hash = '#/district/' + code;
}

window.addEventListener('hashchange', route);
$('login-form').addEventListener('submit', login);
$('logout').addEventListener('click', logout);
$('lang-switch').addEventListener('click', toggleLanguage);
translateDocument();
$('lang-switch').textContent = t('lang.switch');
boot();
