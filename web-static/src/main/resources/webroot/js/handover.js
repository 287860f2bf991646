// Shift handover notes on the console: what the shifts of the user's areas left for the next one over the last
// day, newest first, and a form to leave one (GET and POST /api/handover-notes). Read again after every
// (re)connection, after writing one and in the other language.
import {$, el} from './dom.js';
import {ApiError, get, post} from './api.js';
import {dateTime, t} from './i18n.js';
import {areaName, fillAreaSelect} from './names.js';

export async function loadHandover() {
  try {
    renderNotes((await get('/api/handover-notes')).notes);
  } catch (e) {
    $('handover-error').textContent = e.message;
  }
}

function renderNotes(notes) {
  $('handover-empty').hidden = notes.length > 0;
  $('handover-notes').replaceChildren(...notes.map((n) => el('li', {'data-note-id': n.noteId, 'data-area': n.area},
    el('div', {class: 'muted'}, t('handover.by', {area: areaName(n.area), author: n.author,
      at: dateTime(n.writtenAt)})),
    el('div', {class: 'handover-text'}, n.note))));
}

export function initHandover() {
  fillAreaSelect($('handover-area'));
  $('handover-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('handover-error').textContent = '';
    try {
      await post('/api/handover-notes', {area: $('handover-area').value, note: $('handover-note').value});
      $('handover-note').value = '';
      await loadHandover();
    } catch (e) {
      $('handover-error').textContent = e instanceof ApiError ? e.message : String(e);
    }
  });
}
