// The live connection: /ws, first-message authentication, snapshot, then indicator / health / alert / alertAction /
// flood / heartbeat messages. The server sends a heartbeat every second: silence for 5 s marks the socket stale,
// after 15 s the socket is dropped and reopened, which brings a fresh snapshot.
import {token} from './api.js';
import {applyAlert, applyHandling, applyHealth, applySnapshot, applyValue, emit, state} from './state.js';

const STALE_AFTER_MS = 5000;
const RECONNECT_AFTER_MS = 15000;

let socket = null;
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
  ws.onopen = () => ws.send(JSON.stringify({type: 'auth', token: token()}));
  ws.onmessage = (event) => {
    lastMessageAt = Date.now();
    onMessage(JSON.parse(event.data));
  };
  ws.onclose = (event) => {
    if (socket !== ws) return;
    socket = null;
    if (event.code === 4401 || event.code === 4403) {
      emit('unauthorised', event.reason);
      return;
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
  switch (m.type) {
    case 'snapshot':
      reconnectDelay = 1000;
      state.clockOffsetMs = Date.parse(m.serverTime) - Date.now();
      applySnapshot(m);
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
