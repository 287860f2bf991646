// Acting on a situation through a form: acknowledge it and dispatch a work order (assignee, due within a chosen
// time, note), or resolve it with a cause from the situation rules' list (GET /api/situation-causes) and a note.
// The page changes nothing itself: the server's record comes back as `situation` and `alertAction` frames.
import {$, el} from './dom.js';
import {ApiError, get, post} from './api.js';
import {dateTime, duration, nameOf, t} from './i18n.js';
import {serverNow} from './state.js';

const DUE_MINUTES = [30, 60, 120, 240, 480, 1440];
const DEFAULT_DUE_MINUTES = 120;
let causes = null;   // loaded on first use; the list is the server's and changes only with its rules

/** Opens the form for `mode` (`dispatch` or `resolve`) on situation `s`. */
export async function openSituationForm(s, mode) {
  const form = $('situation-form');
  form.reset();
  form.dataset.situationId = s.id;
  form.dataset.mode = mode;
  $('situation-form-title').textContent = t('situation.form.' + mode);
  $('situation-form-subject').textContent = nameOf(s.title);
  $('situation-form-error').textContent = '';
  const dispatching = mode === 'dispatch';
  $('situation-assignee-row').hidden = !dispatching;
  $('situation-assignee').required = dispatching;
  $('situation-due-row').hidden = !dispatching;
  $('situation-cause-row').hidden = dispatching;
  $('situation-cause').required = !dispatching;
  $('situation-note').required = !dispatching;
  $('situation-due').replaceChildren(...DUE_MINUTES.map((m) => el('option', {value: m}, duration(m * 60))));
  $('situation-due').value = String(DEFAULT_DUE_MINUTES);
  showDueAt();
  if (!dispatching) await fillCauses();
  $('situation-dialog').showModal();
  (dispatching ? $('situation-assignee') : $('situation-cause')).focus();
}

async function fillCauses() {
  try {
    causes = causes || (await get('/api/situation-causes')).causes;
  } catch (e) {
    $('situation-form-error').textContent = e.message;
    return;
  }
  $('situation-cause').replaceChildren(el('option', {value: ''}, t('situation.chooseCause')),
    ...causes.map((c) => el('option', {value: c.id}, nameOf(c))));
}

const dueAt = () => new Date(serverNow() + Number($('situation-due').value) * 60000);

function showDueAt() {
  $('situation-due-at').textContent = t('workOrder.dueAt', {at: dateTime(dueAt().toISOString())});
}

/** The request body the form describes. */
function body() {
  const note = $('situation-note').value || undefined;
  if ($('situation-form').dataset.mode === 'resolve') return {action: 'resolve', cause: $('situation-cause').value, note};
  return {action: 'acknowledge', workOrder: {assignee: $('situation-assignee').value,
    due: dueAt().toISOString(), note}};
}

export function initSituationForm() {
  $('situation-due').addEventListener('change', showDueAt);
  $('situation-cancel').addEventListener('click', () => $('situation-dialog').close());
  $('situation-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await post('/api/situations/' + encodeURIComponent($('situation-form').dataset.situationId) + '/actions',
        body());
      $('situation-dialog').close();
    } catch (e) {
      $('situation-form-error').textContent = e instanceof ApiError ? e.message : String(e);
    }
  });
}
