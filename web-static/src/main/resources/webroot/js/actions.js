// Acting on an alert: acknowledge at once; assign, comment, silence, resolve by hand and escalate through a short
// form. The page changes nothing itself: what the server records comes back as an alertAction message to every
// screen in scope, this one included.
import {$, el} from './dom.js';
import {ApiError, post} from './api.js';
import {t} from './i18n.js';

export const ACTIONS = [
  {id: 'acknowledge', key: 'a'}, {id: 'assign', key: 'g'}, {id: 'comment', key: 'c'},
  {id: 'silence', key: 's'}, {id: 'resolve', key: 'r'}, {id: 'escalate', key: 'e'},
];
const SILENCE_MINUTES = [15, 60, 240, 1440];

/** Acts on `alertId`: acknowledge directly, the others after the form. Resolves to an error text or null. */
export function act(alertId, action) {
  if (action === 'acknowledge') return send(alertId, {action});
  openForm(alertId, action);
  return Promise.resolve(null);
}

async function send(alertId, body) {
  try {
    await post('/api/alerts/' + encodeURIComponent(alertId) + '/actions', body);
    return null;
  } catch (e) {
    return e instanceof ApiError ? e.message || t('action.failed', {status: e.status}) : String(e);
  }
}

function openForm(alertId, action) {
  const form = $('action-form');
  form.reset();
  form.dataset.alertId = alertId;
  form.dataset.action = action;
  $('action-title').textContent = t('action.' + action);
  $('action-silence').replaceChildren(...SILENCE_MINUTES.map((m) => el('option', {value: m}, t('silence.' + m))));
  $('action-silence').value = '60';
  const needsAssignee = action === 'assign' || action === 'escalate';
  $('action-assignee-row').hidden = !needsAssignee;
  $('action-assignee').required = needsAssignee;
  $('action-silence-row').hidden = action !== 'silence';
  $('action-note').required = action === 'comment';
  $('action-error').textContent = '';
  $('action-dialog').showModal();
  (needsAssignee ? $('action-assignee') : $('action-note')).focus();
}

export function initActionForm() {
  $('action-cancel').addEventListener('click', () => $('action-dialog').close());
  $('action-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = $('action-form');
    const body = {action: form.dataset.action};
    if ($('action-note').value) body.note = $('action-note').value;
    if (!$('action-assignee-row').hidden) body.assignee = $('action-assignee').value;
    if (body.action === 'silence') {
      body.silencedUntil = new Date(Date.now() + Number($('action-silence').value) * 60000).toISOString();
    }
    const error = await send(form.dataset.alertId, body);
    if (error) $('action-error').textContent = error; else $('action-dialog').close();
  });
}
