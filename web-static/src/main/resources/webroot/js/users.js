// The users page (#/users, admins with manage_users): every user with role, cities, districts, clearance and duty
// from GET /api/admin/users, a form that creates or replaces one (PUT /api/admin/users/NAME; the password only when
// it changes) and removal (DELETE). The server checks and audits every change; the page shows its answer.
import {$, el} from './dom.js';
import {get, send} from './api.js';
import {t} from './i18n.js';

const list = (text) => text.split(',').map((s) => s.trim()).filter((s) => s);

export function initUsers() {
  $('user-form').addEventListener('submit', save);
}

export async function showUsers() {
  try {
    const answer = await get('/api/admin/users');
    $('users-error').textContent = '';
    $('users-rows').replaceChildren(...answer.users.map(row));
  } catch (e) {
    $('users-error').textContent = e.message;
  }
}

function row(u) {
  return el('tr', {'data-user': u.username},
    el('td', {}, u.username), el('td', {}, u.displayName), el('td', {}, t('role.' + u.role)),
    el('td', {}, u.cities.join(', ')), el('td', {}, u.allDistricts ? '*' : u.districts.join(', ')),
    el('td', {}, t('class.' + u.clearance)), el('td', {}, u.duty.join(', ')),
    el('td', {}, el('button', {type: 'button', class: 'user-edit', onclick: () => edit(u)}, t('users.edit')),
      el('button', {type: 'button', class: 'user-remove', onclick: () => remove(u.username)}, t('users.remove'))));
}

function edit(u) {
  $('user-name').value = u.username;
  $('user-display').value = u.displayName;
  $('user-role').value = u.role;
  $('user-cities').value = u.cities.join(', ');
  $('user-districts').value = u.allDistricts ? ['*', ...u.districts].join(', ') : u.districts.join(', ');
  $('user-clearance').value = u.clearance;
  $('user-duty').value = u.duty.join(', ');
  $('user-password').value = '';
}

async function save(event) {
  event.preventDefault();
  const body = {displayName: $('user-display').value, role: $('user-role').value,
    cities: list($('user-cities').value), districts: list($('user-districts').value),
    clearance: $('user-clearance').value, duty: list($('user-duty').value)};
  if ($('user-password').value) body.password = $('user-password').value;
  await change(() => send('PUT', '/api/admin/users/' + encodeURIComponent($('user-name').value.trim()), body));
}

async function remove(username) {
  await change(() => send('DELETE', '/api/admin/users/' + encodeURIComponent(username)));
}

async function change(request) {
  try {
    await request();
    $('users-error').textContent = '';
    $('user-form').reset();
  } catch (e) {
    $('users-error').textContent = e.message;
  }
  showUsers();
}
