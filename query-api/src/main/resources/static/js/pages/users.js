// Usuarios (admin): list, create, change role or branch, reset password, deactivate.
import { get, post, request } from '../api.js';
import { h, replace, field, loading, errorBox, badge } from '../dom.js';
import { dateTime } from '../format.js';

const ROLES = [
  ['admin', 'Administración'],
  ['cashier', 'Caja'],
  ['stock', 'Depósito'],
  ['viewer', 'Consulta'],
];
const ROLE_NAME = Object.fromEntries(ROLES);
const MIN_PASSWORD = 10;

// The API answers in English; the page says it in Spanish.
const MESSAGES = {
  WEAK_PASSWORD: `La contraseña debe tener al menos ${MIN_PASSWORD} caracteres.`,
  PASSWORD_TOO_LONG: 'La contraseña es demasiado larga (máximo 72 bytes).',
  USER_EXISTS: 'Ya existe un usuario con ese nombre.',
  INVALID_USERNAME: 'El usuario usa letras, números, guion o guion bajo (hasta 64).',
  UNKNOWN_ROLE: 'Elegí un rol de la lista.',
  INVALID_BRANCH: 'La sucursal usa minúsculas, números y guiones (por ejemplo: central).',
  LAST_ADMIN: 'Es el último usuario de administración activo: primero dale ese rol a otro usuario.',
  MISSING_FIELD: 'Falta completar un dato.',
};

function spanish(err) {
  if (err && err.status === 403) return new Error('Solo un usuario de administración puede gestionar usuarios.');
  return err && MESSAGES[err.code] ? new Error(MESSAGES[err.code]) : err;
}

function roleSelect(current, testid, label) {
  return h('select', { testid, 'aria-label': label },
    ROLES.map(([value, text]) => h('option', { value, selected: value === current }, text)));
}

const put = (path, body) => request(path, { method: 'PUT', body });

export async function render(main, params, ctx) {
  const listBox = h('div', { testid: 'users-list' }, loading());
  const msg = h('div', { role: 'status', 'aria-live': 'polite', testid: 'users-msg' });

  const userIn = h('input', { type: 'text', required: true, maxlength: 64, autocomplete: 'off', spellcheck: 'false', testid: 'user-new-name' });
  const passIn = h('input', { type: 'password', required: true, minlength: MIN_PASSWORD, autocomplete: 'new-password', testid: 'user-new-password' });
  const roleIn = roleSelect('cashier', 'user-new-role');
  const branchIn = h('input', { type: 'text', maxlength: 32, autocomplete: 'off', spellcheck: 'false', testid: 'user-new-branch' });
  const create = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'user-create' }, 'Crear usuario');
  const form = h('form', { class: 'inline-form', novalidate: true, testid: 'user-form' },
    field('Usuario', userIn),
    field('Contraseña', passIn, `Al menos ${MIN_PASSWORD} caracteres`),
    field('Rol', roleIn),
    field('Sucursal', branchIn, 'Vacío: todas las sucursales'),
    create);

  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Usuarios')),
    h('p', { class: 'muted' }, 'Quién puede entrar al panel y qué puede hacer. Un usuario con sucursal solo registra ventas, ajustes y facturas de esa sucursal. Al desactivar un usuario, su sesión se cierra en menos de 30 segundos.'),
    h('section', { class: 'card', 'aria-labelledby': 'users-add' }, h('h2', { id: 'users-add' }, 'Nuevo usuario'), form),
    msg,
    h('section', { class: 'card', 'aria-labelledby': 'users-table' }, h('h2', { id: 'users-table' }, 'Usuarios'), listBox));

  function done(text) {
    replace(msg, h('p', { class: 'notice notice-ok', testid: 'users-saved' }, text));
  }

  function row(u) {
    const role = roleSelect(u.roles[0], `user-role-${u.username}`, `Rol de ${u.username}`);
    const branch = h('input', { type: 'text', maxlength: 32, value: u.branch || '', autocomplete: 'off', spellcheck: 'false',
      'aria-label': `Sucursal de ${u.username}`, placeholder: 'todas', testid: `user-branch-${u.username}` });
    const newPass = h('input', { type: 'password', minlength: MIN_PASSWORD, autocomplete: 'new-password',
      placeholder: 'Nueva contraseña', 'aria-label': `Nueva contraseña de ${u.username}`, testid: `user-password-${u.username}` });
    const save = h('button', { type: 'button', class: 'btn', 'aria-label': `Guardar rol y sucursal de ${u.username}`, testid: `user-save-${u.username}` }, 'Guardar');
    const reset = h('button', { type: 'button', class: 'btn', 'aria-label': `Cambiar la contraseña de ${u.username}`, testid: `user-reset-${u.username}` }, 'Cambiar contraseña');
    const toggle = h('button', { type: 'button', class: 'btn', 'aria-label': `${u.active ? 'Desactivar' : 'Reactivar'} a ${u.username}`, testid: `user-toggle-${u.username}` },
      u.active ? 'Desactivar' : 'Reactivar');

    async function change(body, text, button) {
      replace(msg);
      button.disabled = true;
      try {
        await put(`/api/users/${encodeURIComponent(u.username)}`, body);
        done(text);
        await load();
      } catch (err) {
        replace(msg, errorBox(spanish(err)));
      } finally {
        button.disabled = false;
      }
    }
    save.addEventListener('click', () => change({ roles: [role.value], branch: branch.value.trim() || null },
      `Guardado: ${u.username} ahora es ${ROLE_NAME[role.value]}${branch.value.trim() ? ` de la sucursal ${branch.value.trim()}` : ''}.`, save));
    reset.addEventListener('click', () => {
      if (newPass.value.length < MIN_PASSWORD) {
        newPass.setAttribute('aria-invalid', 'true');
        replace(msg, errorBox(new Error(MESSAGES.WEAK_PASSWORD)));
        newPass.focus();
        return;
      }
      newPass.removeAttribute('aria-invalid');
      change({ password: newPass.value }, `Contraseña de ${u.username} cambiada.`, reset);
    });
    toggle.addEventListener('click', () => change({ active: !u.active },
      u.active ? `${u.username} desactivado: su sesión se cierra en menos de 30 segundos.` : `${u.username} reactivado.`, toggle));

    return h('tr', { testid: `user-${u.username}` },
      h('th', { scope: 'row', 'data-label': 'Usuario' }, u.username),
      h('td', { 'data-label': 'Rol' }, role),
      h('td', { 'data-label': 'Sucursal' }, branch),
      h('td', { 'data-label': 'Estado' }, u.active ? badge('Activo', 'ok') : badge('Inactivo', 'out')),
      h('td', { 'data-label': 'Último cambio' }, dateTime(u.updatedAt)),
      h('td', { 'data-label': 'Acciones' }, h('div', { class: 'actions' }, save, newPass, reset, toggle)));
  }

  async function load() {
    try {
      const users = await get('/api/users');
      if (!ctx.isCurrent()) return;
      replace(listBox, users.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'table', testid: 'users-table' },
        h('caption', { class: 'visually-hidden' }, 'Usuarios del panel'),
        h('thead', {}, h('tr', {}, ['Usuario', 'Rol', 'Sucursal', 'Estado', 'Último cambio', 'Acciones'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, users.map(row)))) : h('p', { class: 'muted' }, 'Todavía no hay usuarios.'));
    } catch (e) {
      replace(listBox, errorBox(spanish(e)));
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    replace(msg);
    const username = userIn.value.trim();
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(username)) {
      userIn.setAttribute('aria-invalid', 'true'); replace(msg, errorBox(new Error(MESSAGES.INVALID_USERNAME))); userIn.focus(); return;
    }
    if (passIn.value.length < MIN_PASSWORD) {
      passIn.setAttribute('aria-invalid', 'true'); replace(msg, errorBox(new Error(MESSAGES.WEAK_PASSWORD))); passIn.focus(); return;
    }
    userIn.removeAttribute('aria-invalid');
    passIn.removeAttribute('aria-invalid');
    create.disabled = true;
    try {
      const body = { username, password: passIn.value, roles: [roleIn.value] };
      if (branchIn.value.trim()) body.branch = branchIn.value.trim();
      await post('/api/users', body);
      done(`Usuario ${username} creado (${ROLE_NAME[roleIn.value]}).`);
      form.reset();
      roleIn.value = 'cashier';
      await load();
    } catch (err) {
      replace(msg, errorBox(spanish(err)));
    } finally {
      create.disabled = false;
    }
  });

  await load();
}
