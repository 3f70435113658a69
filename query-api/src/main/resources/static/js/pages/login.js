import { request, session } from '../api.js';
import { h, field } from '../dom.js';

export function render(main) {
  const user = h('input', { type: 'text', name: 'username', autocomplete: 'username', required: true, testid: 'login-username', autocapitalize: 'none', spellcheck: 'false' });
  const pass = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true, testid: 'login-password' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block', testid: 'login-submit' }, 'Ingresar');
  const msg = h('p', { class: 'notice notice-error', role: 'alert', testid: 'login-error', hidden: true });
  if (sessionStorage.getItem('almacen.expired')) {
    sessionStorage.removeItem('almacen.expired');
    msg.textContent = 'Tu sesión venció. Ingresá de nuevo.';
    msg.hidden = false;
  }
  const form = h('form', { class: 'login-form', testid: 'login-form', novalidate: true, 'aria-labelledby': 'login-title' },
    h('div', { class: 'login-brand', 'aria-hidden': 'true' }, h('img', { src: '/favicon.svg', alt: '', width: 48, height: 48 })),
    h('h1', { id: 'login-title' }, 'Almacén'),
    h('p', { class: 'muted' }, 'Ingresá con tu usuario para ver el stock, las alertas y las facturas.'),
    msg,
    field('Usuario', user),
    field('Contraseña', pass),
    submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    msg.hidden = true;
    if (!user.value.trim() || !pass.value) {
      msg.textContent = 'Completá el usuario y la contraseña.';
      msg.hidden = false;
      (user.value.trim() ? pass : user).focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Ingresando…';
    try {
      const res = await request('/api/auth/login', { method: 'POST', body: { username: user.value.trim(), password: pass.value }, auth: false });
      session.save(res);
      const next = sessionStorage.getItem('almacen.after-login');
      sessionStorage.removeItem('almacen.after-login');
      const roles = (res.roles || []).map((r) => String(r).toLowerCase());
      const home = roles.includes('cashier') && !roles.includes('admin') ? '#/caja' : '#/';
      location.hash = next && !next.startsWith('#/login') ? next : home;
    } catch (err) {
      msg.textContent = err.status === 401 || err.status === 400 || err.status === 403
        ? 'Usuario o contraseña incorrectos.'
        : err.message;
      msg.hidden = false;
      pass.value = '';
      pass.focus();
    } finally {
      submit.disabled = false;
      submit.textContent = 'Ingresar';
    }
  });
  main.append(h('section', { class: 'login' }, form));
  user.focus();
}
