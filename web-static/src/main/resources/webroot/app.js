/*
 * CityVitals operations-centre screen. Plain JS, no build step.
 * Flow: log in (POST /api/login) → reference data (/api/me, /api/districts, /api/indicators, /api/geo) →
 * WebSocket /ws: auth message, snapshot, then indicator/health/alert/alertAction/flood/heartbeat messages. A screen that
 * hears nothing for 5 s shows "stale"; after 15 s it drops the socket and reconnects, which brings a fresh snapshot.
 * Actions on alerts are POSTed and shown only when the server pushes them back, so every screen shows them alike.
 */
(function () {
  'use strict';

  const STALE_AFTER_MS = 5000;
  const RECONNECT_AFTER_MS = 15000;
  const MAX_FEED = 200;
  // Level shown by colour AND by a shape and text, never colour alone.
  const LEVEL_ICONS = {normal: '○', blue: '◆', yellow: '▲', orange: '■', red: '✖'};
  const LEVEL_COLOURS = {normal: '#3a8f4b', blue: '#2f6fdb', yellow: '#f2c200', orange: '#f27a00', red: '#d7263d'};
  const KIND_LABELS = {opened: '新告警 Opened', level_changed: '级别变化 Level changed', resolved: '已解除 Resolved'};
  const RULE_LABELS = {level: '阈值 Level', rate_of_change: '变化率 Rate of change', anomaly: '异常 Anomaly',
    no_data: '无数据 No data'};
  const ACTION_LABELS = {acknowledge: '确认 Acknowledge', assign: '指派 Assign', comment: '备注 Comment',
    silence: '静默 Silence'};

  const state = {
    token: sessionStorage.getItem('cityvitals.token'),
    me: null,
    city: null,
    districts: new Map(),      // code → {code, nameZh, nameEn}
    indicators: new Map(),     // id → catalogue entry
    levels: new Map(),         // NORMAL… → {zh, en, severity}
    latest: new Map(),         // "indicator|district" → IndicatorValue
    health: new Map(),         // district or city code → HealthScoreValue
    openAlerts: new Map(),     // alertId → AlertEvent
    handling: new Map(),       // alertId → AlertHandling (who acknowledged, assigned, silenced, commented)
    flood: null,               // the server's alarm-flood state for this user's scope
    silenceTimer: null,
    feed: [],                  // AlertEvents, newest first
    socket: null,
    lastMessageAt: 0,
    reconnectDelay: 1000,
    reconnectTimer: null,
    map: null,
    mapDirty: false,
  };

  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'class') node.className = v; else node.setAttribute(k, v);
    });
    children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  }

  // ---- formatting -------------------------------------------------------------------------------------------

  let timeFormat = null;
  function localTime(iso) {
    if (!timeFormat) {
      timeFormat = new Intl.DateTimeFormat('zh-CN', {
        timeZone: (state.city && state.city.zone) || 'Asia/Shanghai', hour12: false,
        year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
      });
    }
    return timeFormat.format(new Date(iso));
  }

  function levelBadge(level) {
    const l = state.levels.get(level) || {zh: level, en: level};
    return el('span', {class: 'level level-' + level, 'data-level': level},
      el('span', {class: 'level-icon', 'aria-hidden': 'true'}, LEVEL_ICONS[level] || '?'),
      ' ' + l.zh + ' ' + capitalise(l.en));
  }

  function capitalise(s) {
    return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
  }

  function number(v) {
    return Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1);
  }

  function districtName(code) {
    if (state.city && code === state.city.code) return '全市 City-wide';
    const d = state.districts.get(code);
    return d ? d.nameZh + ' ' + d.nameEn : code;
  }

  function indicatorName(id) {
    const i = state.indicators.get(id);
    return i ? i.nameZh + ' ' + i.nameEn : id;
  }

  function unit(id) {
    const i = state.indicators.get(id);
    return i ? i.unit : '';
  }

  // ---- REST -------------------------------------------------------------------------------------------------

  async function api(path, options) {
    const headers = Object.assign({'Content-Type': 'application/json'},
      state.token ? {Authorization: 'Bearer ' + state.token} : {});
    const response = await fetch(path, Object.assign({headers}, options));
    if (response.status === 401 && path !== '/api/login') {
      logout('登录已过期 Session expired, please log in again');
      throw new Error('unauthorised');
    }
    return response;
  }

  async function login(event) {
    event.preventDefault();
    $('login-error').textContent = '';
    const response = await api('/api/login', {
      method: 'POST',
      body: JSON.stringify({username: $('username').value, password: $('password').value}),
    });
    if (!response.ok) {
      $('login-error').textContent = response.status === 401
        ? '用户名或密码错误 Wrong username or password' : '登录失败 Login failed (' + response.status + ')';
      return;
    }
    state.token = (await response.json()).token;
    sessionStorage.setItem('cityvitals.token', state.token);
    boot();
  }

  function logout(message) {
    state.token = null;
    sessionStorage.removeItem('cityvitals.token');
    disconnect();
    $('board').hidden = true;
    $('logout').hidden = true;
    $('user').textContent = '';
    $('login').hidden = false;
    $('login-error').textContent = message || '';
    setConnection('idle', '未连接 Not connected');
  }

  async function boot() {
    if (!state.token) {
      logout();
      return;
    }
    try {
      const [me, districts, indicators] = await Promise.all(
        ['/api/me', '/api/districts', '/api/indicators'].map((p) => api(p).then((r) => r.json())));
      state.me = me;
      state.city = districts.city;
      state.districts = new Map(districts.districts.map((d) => [d.code, d]));
      state.indicators = new Map(indicators.indicators.map((i) => [i.id, i]));
      state.levels = new Map(indicators.levels.map((l) => [l.id, l]));
    } catch (e) {
      if (state.token) setTimeout(boot, 3000);
      return;
    }
    $('login').hidden = true;
    $('board').hidden = false;
    $('logout').hidden = false;
    $('city-name').textContent = state.city.nameZh + ' ' + state.city.nameEn;
    $('user').textContent = state.me.displayName + ' (' + state.me.username + ')';
    $('city-panel').hidden = !state.me.allDistricts;
    renderLegend();
    loadMap();
    connect();
  }

  // ---- WebSocket --------------------------------------------------------------------------------------------

  function connect() {
    disconnect();
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws';
    const socket = new WebSocket(url);
    state.socket = socket;
    setConnection('connecting', '连接中 Connecting');
    socket.onopen = () => socket.send(JSON.stringify({type: 'auth', token: state.token}));
    socket.onmessage = (event) => {
      state.lastMessageAt = Date.now();
      $('last-message').textContent = localTime(new Date().toISOString());
      onMessage(JSON.parse(event.data));
    };
    socket.onclose = (event) => {
      if (state.socket !== socket) return;
      state.socket = null;
      if (event.code === 4401 || event.code === 4403) {
        logout('请重新登录 Please log in again (' + event.reason + ')');
        return;
      }
      setConnection('reconnecting', '重连中 Reconnecting' + (event.reason ? ' — ' + event.reason : ''));
      state.reconnectTimer = setTimeout(connect, state.reconnectDelay);
      state.reconnectDelay = Math.min(state.reconnectDelay * 2, 10000);
    };
  }

  function disconnect() {
    clearTimeout(state.reconnectTimer);
    const socket = state.socket;
    state.socket = null;
    if (socket) socket.close();
  }

  function onMessage(message) {
    switch (message.type) {
      case 'snapshot':
        state.reconnectDelay = 1000;
        setConnection('live', '实时 Live');
        state.latest = new Map(message.values.map((v) => [v.indicatorId + '|' + v.district, v]));
        state.health = new Map(message.health.map((h) => [h.district, h]));
        state.openAlerts = new Map(message.alerts.map((a) => [a.alertId, a]));
        state.handling = new Map(message.handling.map((h) => [h.alertId, h]));
        state.flood = message.flood;
        message.alerts.forEach(addToFeed);
        renderAll();
        break;
      case 'indicator':
        state.latest.set(message.value.indicatorId + '|' + message.value.district, message.value);
        renderValue(message.value);
        break;
      case 'health':
        state.health.set(message.health.district, message.health);
        renderHealth(message.health);
        break;
      case 'alert':
        onAlert(message.alert);
        break;
      case 'alertAction':
        if (message.handling) state.handling.set(message.handling.alertId, message.handling);
        renderAlerts();
        break;
      case 'flood': {
        // Redraw the feed only when it switches between flat and grouped: a redraw under the operator's cursor
        // would move the button they are about to click.
        const wasActive = Boolean(state.flood && state.flood.active);
        state.flood = message.flood;
        if (Boolean(message.flood.active) !== wasActive) {
          renderAlerts();
        } else {
          renderFloodBanner(wasActive);
        }
        break;
      }
      case 'heartbeat':
        break;
      default:
        console.warn('unknown message', message.type);
    }
  }

  function onAlert(alert) {
    if (alert.kind === 'resolved') {
      state.openAlerts.delete(alert.alertId);
      state.handling.delete(alert.alertId);
    } else {
      state.openAlerts.set(alert.alertId, alert);
    }
    addToFeed(alert);
    renderAlerts();
  }

  function addToFeed(alert) {
    const id = alert.alertId + '#' + alert.version;
    if (state.feed.some((a) => a.alertId + '#' + a.version === id)) return;
    state.feed.push(alert);
    state.feed.sort((a, b) => b.eventTime.localeCompare(a.eventTime) || b.version - a.version);
    state.feed.length = Math.min(state.feed.length, MAX_FEED);
  }

  // ---- connection status ------------------------------------------------------------------------------------

  function setConnection(kind, text) {
    const icons = {live: '●', connecting: '◌', reconnecting: '↻', stale: '⚠', idle: '○'};
    $('conn').className = 'conn conn-' + kind;
    $('conn').querySelector('.conn-icon').textContent = icons[kind];
    $('conn-text').textContent = text;
    $('stale-banner').hidden = kind !== 'stale';
  }

  setInterval(() => {
    if (!state.socket || state.socket.readyState !== WebSocket.OPEN || !state.lastMessageAt) return;
    const silentFor = Date.now() - state.lastMessageAt;
    if (silentFor > RECONNECT_AFTER_MS) {
      state.socket.close();   // onclose schedules the reconnect and its fresh snapshot
    } else if (silentFor > STALE_AFTER_MS) {
      setConnection('stale', '数据过期 STALE — ' + Math.round(silentFor / 1000) + ' s');
    } else if ($('conn').classList.contains('conn-stale')) {
      setConnection('live', '实时 Live');
    }
  }, 1000);

  // ---- rendering --------------------------------------------------------------------------------------------

  function renderAll() {
    renderTable();
    renderCity();
    renderAlerts();
    renderMapSoon();
  }

  function shownIndicators() {
    const withValues = new Set([...state.latest.values()].map((v) => v.indicatorId));
    return [...state.indicators.keys()].filter((id) => withValues.has(id));
  }

  function renderTable() {
    const indicators = shownIndicators();
    const head = el('tr', {}, el('th', {scope: 'col'}, '区 District'), el('th', {scope: 'col'}, '健康指数 Health'),
      indicators.map((id) => el('th', {scope: 'col'}, indicatorName(id), el('span', {class: 'unit'}, unit(id)))));
    $('district-table').tHead.replaceChildren(head);
    const rows = [...state.districts.values()].map((d) => el('tr', {'data-district': d.code},
      el('th', {scope: 'row'}, d.nameZh, el('span', {class: 'en'}, d.nameEn)),
      healthCell(d.code),
      indicators.map((id) => valueCell(id, d.code))));
    $('district-table').tBodies[0].replaceChildren(...rows);
    const select = $('map-indicator');
    const selected = select.value;
    select.replaceChildren(...indicators.map((id) => el('option', {value: id}, indicatorName(id))));
    if (indicators.includes(selected)) select.value = selected;
  }

  function valueCell(indicatorId, district) {
    const v = state.latest.get(indicatorId + '|' + district);
    const cell = el('td', {class: 'value-cell', 'data-indicator': indicatorId, 'data-district': district});
    fillValue(cell, v);
    return cell;
  }

  function fillValue(node, v) {
    if (!v) {
      node.replaceChildren(el('span', {class: 'value missing'}, '—'));
      return;
    }
    node.className = node.className.replace(/ ?bg-\w+/g, '') + ' bg-' + v.level;
    node.title = '窗口 Window ' + localTime(v.windowStart) + ' – ' + localTime(v.windowEnd) + ' · ' + v.samples + ' samples';
    node.replaceChildren(el('span', {class: 'value'}, number(v.value)), ' ', el('span', {class: 'unit'}, unit(v.indicatorId)),
      ' ', levelBadge(v.level));
  }

  function healthCell(district) {
    const cell = el('td', {class: 'health-cell', 'data-district': district});
    fillHealth(cell, state.health.get(district));
    return cell;
  }

  // Score and worst level; the level badge carries colour, icon and text.
  function fillHealth(node, h) {
    if (!h) {
      node.replaceChildren(el('span', {class: 'value missing'}, '—'));
      return;
    }
    node.className = node.className.replace(/ ?bg-\w+/g, '') + ' bg-' + h.worstLevel;
    node.title = '分钟 Minute ' + localTime(h.windowStart) + ' · 最差级别 worst level';
    node.replaceChildren(el('span', {class: 'value health-score'}, h.score.toFixed(0)), ' ', levelBadge(h.worstLevel));
  }

  function renderHealth(h) {
    if (h.district === state.city.code) {
      fillHealth($('city-health-value'), h);
    } else {
      const cell = document.querySelector(`td.health-cell[data-district="${CSS.escape(h.district)}"]`);
      if (cell) fillHealth(cell, h);
    }
    renderMapSoon();
  }

  function renderValue(v) {
    if (v.district === state.city.code) {
      renderCity();
    } else {
      const cell = document.querySelector(
        `td.value-cell[data-indicator="${CSS.escape(v.indicatorId)}"][data-district="${CSS.escape(v.district)}"]`);
      if (cell) fillValue(cell, v); else renderTable();   // a new indicator column
    }
    renderMapSoon();
  }

  function renderCity() {
    fillHealth($('city-health-value'), state.health.get(state.city.code));
    const tiles = [...state.latest.values()].filter((v) => v.district === state.city.code)
      .sort((a, b) => a.indicatorId.localeCompare(b.indicatorId))
      .map((v) => {
        const tile = el('div', {class: 'tile value-cell', 'data-indicator': v.indicatorId, 'data-district': state.city.code});
        const body = el('div', {class: 'tile-value'});
        fillValue(body, v);
        tile.append(el('div', {class: 'tile-name'}, indicatorName(v.indicatorId)), body);
        return tile;
      });
    $('city-tiles').replaceChildren(...(tiles.length ? tiles : [el('p', {class: 'empty'}, '等待数据 Waiting for data…')]));
  }

  function renderAlerts() {
    $('open-count').textContent = String(state.openAlerts.size);
    $('alerts-empty').hidden = state.feed.length > 0;
    const flooded = Boolean(state.flood && state.flood.active);
    renderFloodBanner(flooded);
    $('alert-feed').replaceChildren(...(flooded ? groupedFeed() : state.feed.map(alertItem)));
    scheduleSilenceEnds();
  }

  // In a flood the feed is grouped by rule and indicator, biggest group first; every alert stays listed in its group.
  function groupedFeed() {
    const groups = new Map();
    state.feed.forEach((a) => {
      const key = a.rule + '|' + a.indicatorId;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(a);
    });
    return [...groups.values()].sort((x, y) => y.length - x.length).map((alerts) => {
      const first = alerts[0];
      const districts = [...new Set(alerts.map((a) => districtName(a.district)))];
      return el('li', {class: 'alert-group', 'data-rule': first.rule, 'data-indicator': first.indicatorId},
        el('div', {class: 'group-head'}, ruleName(first.rule) + ' · ' + indicatorName(first.indicatorId),
          el('b', {class: 'group-count'}, ' ×' + alerts.length), el('span', {class: 'group-districts'}, districts.join('、'))),
        el('ol', {class: 'alert-feed'}, alerts.map(alertItem)));
    });
  }

  function renderFloodBanner(flooded) {
    $('flood-banner').hidden = !flooded;
    if (!flooded) return;
    const f = state.flood;
    $('flood-text').textContent = '⚠ 告警泛滥 Alarm flood: ' + f.windowMinutes + ' 分钟内 ' + f.opened + ' 条新告警 alerts opened in '
      + f.windowMinutes + ' min (> ' + f.threshold + ') — 按规则与指标分组 grouped by rule and indicator, 无告警被隐藏 none hidden: '
      + f.groups.map((g) => ruleName(g.rule) + ' · ' + indicatorName(g.indicatorId) + ' ×' + g.count).join('; ');
  }

  function alertItem(a) {
    const h = state.handling.get(a.alertId);
    const open = a.kind !== 'resolved' && state.openAlerts.has(a.alertId);
    const muted = open && isSilenced(h);
    return el('li', {class: 'alert-item alert-' + a.level + (a.kind === 'resolved' ? ' resolved' : '')
        + (muted ? ' muted' : '') + (h && h.acknowledged ? ' acknowledged' : ''),
      'data-alert-id': a.alertId, 'data-district': a.district},
      el('time', {class: 'alert-time', datetime: a.eventTime}, localTime(a.eventTime)),
      el('span', {class: 'alert-kind'}, KIND_LABELS[a.kind] || a.kind),
      levelBadge(a.kind === 'resolved' ? a.previousLevel : a.level),
      el('span', {class: 'alert-district'}, districtName(a.district)),
      el('span', {class: 'alert-indicator'}, ruleName(a.rule) + ' · ' + indicatorName(a.indicatorId) + ' ' + number(a.value)
        + ' ' + unit(a.indicatorId) + ' (阈值 threshold ' + number(a.threshold) + ')'),
      el('span', {class: 'alert-message'}, a.message),
      open ? handlingLine(h) : [],
      open ? el('div', {class: 'alert-actions'}, Object.entries(ACTION_LABELS).map(([action, label]) =>
        el('button', {type: 'button', 'data-action': action}, label))) : []);
  }

  function handlingLine(h) {
    if (!h) return [];
    const by = (action) => ' — ' + action.user + ' ' + localTime(action.actedAt);
    return el('div', {class: 'alert-handling'},
      h.acknowledged ? el('span', {class: 'ack'}, '✔ 已确认 Acknowledged' + by(h.acknowledged)) : [],
      h.assigned ? el('span', {class: 'assigned'}, '👤 指派给 Assigned to ' + h.assigned.assignee + by(h.assigned)) : [],
      h.escalated ? el('span', {class: 'escalated'}, '⇧ 升级至 Escalated to ' + h.escalated.assignee + by(h.escalated)) : [],
      isSilenced(h) ? el('span', {class: 'silenced'}, '🔕 静默至 Silenced until ' + localTime(h.silenced.silencedUntil)
        + by(h.silenced)) : [],
      h.lastComment ? el('span', {class: 'comment'}, '💬 ' + h.comments + ' 条备注 comments, 最新 latest: '
        + h.lastComment.note + by(h.lastComment)) : []);
  }

  function isSilenced(h) {
    return Boolean(h && h.silenced && Date.parse(h.silenced.silencedUntil) > Date.now());
  }

  // A silenced alert is muted, not hidden, and becomes loud again when its silence ends.
  function scheduleSilenceEnds() {
    clearTimeout(state.silenceTimer);
    const ends = [...state.handling.values()].filter(isSilenced).map((h) => Date.parse(h.silenced.silencedUntil));
    if (ends.length) state.silenceTimer = setTimeout(renderAlerts, Math.min(...ends) - Date.now() + 100);
  }

  function ruleName(rule) {
    return RULE_LABELS[rule] || rule;
  }

  // ---- alert actions ----------------------------------------------------------------------------------------

  function onActionClick(event) {
    const button = event.target.closest('button[data-action]');
    if (!button) return;
    const alertId = button.closest('.alert-item').dataset.alertId;
    if (button.dataset.action === 'acknowledge') {
      sendAction(alertId, {action: 'acknowledge'}).then(showActionError);
    } else {
      openActionDialog(alertId, button.dataset.action);
    }
  }

  function openActionDialog(alertId, action) {
    const form = $('action-form');
    form.reset();
    form.dataset.alertId = alertId;
    form.dataset.action = action;
    $('action-title').textContent = ACTION_LABELS[action] + ' — ' + alertId;
    $('action-assignee-row').hidden = action !== 'assign';
    $('action-silence-row').hidden = action !== 'silence';
    $('action-assignee').required = action === 'assign';
    $('action-note').required = action === 'comment';
    $('action-error').textContent = '';
    $('action-dialog').showModal();
  }

  async function submitActionDialog(event) {
    event.preventDefault();
    const form = $('action-form');
    const body = {action: form.dataset.action, note: $('action-note').value};
    if (body.action === 'assign') body.assignee = $('action-assignee').value;
    if (body.action === 'silence') {
      body.silencedUntil = new Date(Date.now() + Number($('action-silence').value) * 60000).toISOString();
    }
    const error = await sendAction(form.dataset.alertId, body);
    if (error) $('action-error').textContent = error; else $('action-dialog').close();
  }

  /** POSTs an action; null when recorded, else the server's explanation. The pushed alertAction updates the page. */
  async function sendAction(alertId, body) {
    const response = await api('/api/alerts/' + encodeURIComponent(alertId) + '/actions',
      {method: 'POST', body: JSON.stringify(body)});
    if (response.ok) return null;
    const answer = await response.json().catch(() => ({}));
    return answer.error || ('操作失败 Action failed (' + response.status + ')');
  }

  function showActionError(error) {
    $('action-status').textContent = error || '';
  }

  function renderLegend() {
    $('legend').replaceChildren(el('span', {}, '级别 Levels: '), ...[...state.levels.keys()].map(levelBadge));
  }

  // ---- map --------------------------------------------------------------------------------------------------

  async function loadMap() {
    if (state.map || typeof echarts === 'undefined') return;
    const response = await api('/api/geo');
    if (!response.ok) return;   // no boundaries for this city: the table carries everything
    echarts.registerMap('city', await response.json());
    $('map-panel').hidden = false;
    state.map = echarts.init($('map'));
    $('map-indicator').addEventListener('change', renderMapSoon);
    window.addEventListener('resize', () => state.map.resize());
    renderMapSoon();
  }

  function renderMapSoon() {
    if (!state.map || state.mapDirty) return;
    state.mapDirty = true;
    setTimeout(renderMap, 500);   // many updates a second become one redraw
  }

  function renderMap() {
    state.mapDirty = false;
    const indicatorId = $('map-indicator').value;
    const levelIds = [...state.levels.keys()];
    const data = [...state.districts.values()].map((d) => {
      const v = state.latest.get(indicatorId + '|' + d.code);
      return {name: d.code, value: v ? levelIds.indexOf(v.level) : null, reading: v};
    });
    state.map.setOption({
      tooltip: {formatter: (p) => districtName(p.name) + (p.data && p.data.reading
        ? '<br>' + number(p.data.reading.value) + ' ' + unit(indicatorId) + ' · ' + levelText(p.data.reading.level) : '')
        + healthText(state.health.get(p.name))},
      visualMap: {type: 'piecewise', left: 10, bottom: 10, textStyle: {color: '#dde'},
        pieces: levelIds.map((id, i) => ({value: i, color: LEVEL_COLOURS[id], label: levelText(id)}))},
      series: [{type: 'map', map: 'city', nameProperty: 'code', roam: true, data,
        itemStyle: {areaColor: '#2a3140', borderColor: '#8894a8'},
        label: {show: true, color: '#fff', fontSize: 11, formatter: (p) => {
          const d = state.districts.get(p.name);
          const v = p.data && p.data.reading;
          return (d ? d.nameZh : '') + (v ? '\n' + LEVEL_ICONS[v.level] + ' ' + number(v.value) : '');
        }}}],
    });
  }

  function healthText(h) {
    return h ? '<br>健康指数 Health ' + h.score.toFixed(0) + ' · ' + levelText(h.worstLevel) : '';
  }

  function levelText(id) {
    const l = state.levels.get(id);
    return LEVEL_ICONS[id] + ' ' + (l ? l.zh + ' ' + capitalise(l.en) : id);
  }

  // ---- start ------------------------------------------------------------------------------------------------

  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', () => logout());
  $('alert-feed').addEventListener('click', onActionClick);
  $('action-form').addEventListener('submit', submitActionDialog);
  $('action-cancel').addEventListener('click', () => $('action-dialog').close());
  boot();
})();
