// Dashboard shell: hash router, collapsible nav, branch picker, live events.
import { session, settings, onUnauthorized } from './js/api.js';
import { liveEvents } from './js/sse.js';
import { replace, h } from './js/dom.js';
import * as login from './js/pages/login.js';
import * as home from './js/pages/home.js';
import * as stock from './js/pages/stock.js';
import * as product from './js/pages/product.js';
import * as alerts from './js/pages/alerts.js';
import * as invoices from './js/pages/invoices.js';
import * as inflation from './js/pages/inflation.js';
import * as suppliers from './js/pages/suppliers.js';
import * as analytics from './js/pages/analytics.js';
import * as preferences from './js/pages/preferences.js';
import * as labels from './js/pages/labels.js';
import * as users from './js/pages/users.js';
import * as caja from './js/pages/caja.js';
import * as products from './js/pages/products.js';
import * as adjustments from './js/pages/adjustments.js';
import * as orders from './js/pages/orders.js';
import { outbox } from './js/outbox.js';

const ROUTES = [
  { re: /^\/login$/, page: login, nav: null, public: true },
  { re: /^\/?$/, page: home, nav: 'inicio' },
  { re: /^\/stock$/, page: stock, nav: 'stock' },
  { re: /^\/producto\/([^/]+)$/, page: product, nav: 'stock' },
  { re: /^\/alertas$/, page: alerts, nav: 'alertas' },
  { re: /^\/facturas(?:\/([^/]+))?$/, page: invoices, nav: 'facturas' },
  { re: /^\/proveedores(?:\/([^/]+))?$/, page: suppliers, nav: 'proveedores' },
  { re: /^\/analisis$/, page: analytics, nav: 'analisis' },
  { re: /^\/inflacion$/, page: inflation, nav: 'inflacion' },
  { re: /^\/caja$/, page: caja, nav: 'caja' },
  { re: /^\/productos$/, page: products, nav: 'productos' },
  { re: /^\/ajustes$/, page: adjustments, nav: 'ajustes' },
  { re: /^\/etiquetas$/, page: labels, nav: 'etiquetas' },
  { re: /^\/pedidos$/, page: orders, nav: 'pedidos' },
  { re: /^\/usuarios$/, page: users, nav: 'usuarios' },
  { re: /^\/configuracion$/, page: preferences, nav: 'configuracion' },
];

const main = document.getElementById('main');
const topbar = document.querySelector('.topbar');
const navToggle = document.querySelector('.nav-toggle');
const branchInput = document.getElementById('branch');
const liveStatus = document.querySelector('.live');
const toastEl = document.querySelector('.toast');

let cleanup = null;
let events = null;
let renderSeq = 0;

const LIVE_TEXT = { live: 'En vivo', connecting: 'Conectando…', retrying: 'Reconectando…', off: 'Sin conexión' };

function startEvents() {
  if (events) return;
  events = liveEvents('/api/events', (state) => {
    liveStatus.textContent = LIVE_TEXT[state];
    liveStatus.className = `live live-${state}`;
  });
  // the server fell too far behind to push every change: re-read what the page shows
  events.on('resync', () => render());
}

function stopEvents() {
  if (events) events.stop();
  events = null;
}

export function toast(text, tone = 'ok') {
  toastEl.textContent = text;
  toastEl.className = `toast toast-${tone}`;
  toastEl.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { toastEl.hidden = true; }, 5000);
}

function parseHash() {
  const raw = decodeURIComponent(location.hash.replace(/^#/, '')) || '/';
  const [path, query = ''] = raw.split('?');
  return { path, query: new URLSearchParams(query) };
}

async function render() {
  const seq = ++renderSeq;
  const { path, query } = parseHash();
  const route = ROUTES.find((r) => r.re.test(path));
  if (!route) { location.hash = '#/'; return; }
  if (!route.public && !session.token()) {
    sessionStorage.setItem('almacen.after-login', location.hash);
    location.hash = '#/login';
    return;
  }
  if (cleanup) { try { cleanup(); } catch (e) { console.error(e); } cleanup = null; }
  const authed = !route.public;
  topbar.hidden = !authed;
  document.body.classList.toggle('is-login', !authed);
  if (authed) { startEvents(); outbox.start(); } else stopEvents();
  setNavOpen(false);
  for (const li of document.querySelectorAll('[data-admin-only]')) li.hidden = !session.roles().includes('admin');
  for (const a of document.querySelectorAll('.nav a')) {
    if (a.dataset.route === route.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const params = route.re.exec(path).slice(1).map((p) => (p === undefined ? undefined : p));
  const ctx = {
    branch: settings.branch(),
    query,
    events,
    toast,
    navigate: (hash) => { location.hash = hash; },
    /** Updates the hash query without re-rendering (keeps focus in inputs). */
    setQuery: (obj) => {
      const u = new URLSearchParams();
      for (const [k, v] of Object.entries(obj)) if (v !== '' && v !== null && v !== undefined) u.set(k, v);
      const s = u.toString();
      history.replaceState(null, '', `#${path}${s ? `?${s}` : ''}`);
    },
    isCurrent: () => seq === renderSeq,
  };
  replace(main);
  try {
    cleanup = (await route.page.render(main, params, ctx)) || null;
  } catch (e) {
    console.error(e);
    if (seq === renderSeq) replace(main, h('p', { class: 'notice notice-error', role: 'alert' }, e.message || String(e)));
  }
  if (seq !== renderSeq && cleanup) { cleanup(); cleanup = null; }
  const heading = main.querySelector('h1');
  if (heading && seq === renderSeq) {
    heading.setAttribute('tabindex', '-1');
    document.title = `${heading.textContent} · Almacén`;
    if (document.activeElement === document.body || document.activeElement === main || !main.contains(document.activeElement)) {
      heading.focus({ preventScroll: true });
    }
  }
}

function setNavOpen(open) {
  navToggle.setAttribute('aria-expanded', String(open));
  topbar.classList.toggle('nav-open', open);
}

navToggle.addEventListener('click', () => setNavOpen(navToggle.getAttribute('aria-expanded') !== 'true'));
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && topbar.classList.contains('nav-open')) { setNavOpen(false); navToggle.focus(); }
});

branchInput.value = settings.branch();
branchInput.addEventListener('change', () => {
  const b = branchInput.value.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{0,31}$/.test(b)) {
    toast('La sucursal usa minúsculas, números y guiones (por ejemplo: central).', 'error');
    branchInput.value = settings.branch();
    return;
  }
  branchInput.value = b;
  settings.setBranch(b);
  render();
});

document.querySelector('[data-testid="logout"]').addEventListener('click', () => {
  session.clear();
  stopEvents();
  location.hash = '#/login';
});

onUnauthorized(() => {
  stopEvents();
  sessionStorage.setItem('almacen.expired', '1');
  if (!location.hash.startsWith('#/login')) {
    sessionStorage.setItem('almacen.after-login', location.hash);
    location.hash = '#/login';
  }
});

window.addEventListener('hashchange', render);
render();
