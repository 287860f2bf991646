// The live connection: /ws, first-message authentication, snapshot, then indicator / health / alert / alertAction /
// flood / situation / situationWithdrawn / maintenance / heartbeat messages. The server sends a heartbeat every second: silence for 5 s marks the socket stale,
// after 15 s the socket is dropped and reopened. A reopened socket resumes from the last cursor it received, so every
// alert transition and action that happened meanwhile still arrives, in order (the server's "loss-free delivery").
import {token} from './api.js';
import {applyAlert, applyHandling, applyHealth, applyLatest, applySnapshot, applyValue, emit, state} from './state.js';

const STALE_AFTER_MS = 5000;
const RECONNECT_AFTER_MS = 15000;

let socket = null;
let cursor = null;          // the position after the last alert-stream frame received; sent back to resume
let lastMessageAt = 0;
let reconnectDelay = 1000;
let reconnectTimer = null;

/** 'connecting' | 'live' | 'reconnecting' | 'stale' (then `silentSeconds`). */
export const connection = {status: 'connecting', silentSeconds: 0};

function setStatus(status, silentSeconds = 0) {
  if (connection.status === status && connection.silentSeconds === silentSeconds) return;
  connection.status = status;
  connection.silentSeconds = silentSeconds;
  emit('connection', connection);
}

export function connect() {
  disconnect();
  const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
  socket = ws;
  setStatus('connecting');
  ws.onopen = () => ws.send(JSON.stringify(Object.assign({type: 'auth', token: token()}, cursor ? {resume: cursor} : {})));
  ws.onmessage = (event) => {
    lastMessageAt = Date.now();
    onMessage(JSON.parse(event.data));
  };
  ws.onclose = (event) => {
    if (socket !== ws) return;
    socket = null;
    if (event.code === 4401 || event.code === 4403) {
      cursor = null;
      emit('unauthorised', event.reason);
      return;
    }
    if (event.code === 4409) {
      // an admin changed this user's access: what the screen holds was cut to the old one, so no resume
      cursor = null;
    }
    setStatus('reconnecting');
    reconnectTimer = setTimeout(connect, reconnectDelay);
    reconnectDelay = Math.min(reconnectDelay * 2, 10000);
  };
}

export function disconnect() {
  clearTimeout(reconnectTimer);
  const ws = socket;
  socket = null;
  if (ws) ws.close();
}

function onMessage(m) {
  if (m.cursor) cursor = m.cursor;
  switch (m.type) {
    case 'snapshot':
      reconnectDelay = 1000;
      state.clockOffsetMs = Date.parse(m.serverTime) - Date.now();
      applySnapshot(m);
      // after a resume point too old to replay: the whole story of every alert that changed meanwhile
      (m.changed || []).forEach((c) => c.transitions.forEach(applyAlert));
      setStatus('live');
      emit('snapshot');
      break;
    case 'resumed':
      // the latest values; the alert frames missed while away follow this one, in order
      reconnectDelay = 1000;
      state.clockOffsetMs = Date.parse(m.serverTime) - Date.now();
      applyLatest(m);
      setStatus('live');
      emit('snapshot');
      break;
    case 'indicator':
      if (applyValue(m.value)) emit('value', m.value);
      break;
    case 'health':
      if (applyHealth(m.health)) emit('health', m.health);
      break;
    case 'alert':
      if (applyAlert(m.alert)) emit('alert', m.alert);
      break;
    case 'alertAction':
      applyHandling(m.action.alertId, m.handling);
      emit('action', m);
      break;
    case 'flood':
      state.flood = m.flood;
      emit('flood', m.flood);
      break;
    case 'situation':
    case 'situationWithdrawn':
    case 'maintenance':
      emit(m.type, m);
      break;
    case 'heartbeat':
      state.clockOffsetMs = Date.parse(m.serverTime) - Date.now();
      if (connection.status === 'stale') setStatus('live');
      break;
    default:
      console.warn('unknown message type', m.type);
  }
}

setInterval(() => {
  if (!socket || socket.readyState !== WebSocket.OPEN || !lastMessageAt) return;
  const silentFor = Date.now() - lastMessageAt;
  if (silentFor > RECONNECT_AFTER_MS) socket.close();   // onclose reconnects and gets a fresh snapshot
  else if (silentFor > STALE_AFTER_MS) setStatus('stale', Math.round(silentFor / 1000));
}, 1000);
