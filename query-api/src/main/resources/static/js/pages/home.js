import { get, qs } from '../api.js';
import { h, replace, loading, errorBox, debounce } from '../dom.js';
import { money, qty, dateTime } from '../format.js';

const CARDS = [
  { key: 'products', label: 'Productos', fmt: qty, href: '#/stock', hint: 'en el catálogo' },
  { key: 'lowCount', label: 'Bajo mínimo', fmt: qty, href: '#/stock?status=LOW', tone: 'low', hint: 'hay que reponer' },
  { key: 'outCount', label: 'Sin stock', fmt: qty, href: '#/stock?status=OUT', tone: 'out', hint: 'no quedan unidades' },
  { key: 'negativeCount', label: 'Negativos', fmt: qty, href: '#/stock?status=NEGATIVE', tone: 'neg', hint: 'vendidos sin stock cargado: revisar' },
  { key: 'stockValue', label: 'Valor de inventario', fmt: money, href: '#/stock', hint: 'al costo promedio' },
  { key: 'salesToday', label: 'Ventas de hoy', fmt: money, hint: 'desde las 00:00' },
  { key: 'invoicesPendingReview', label: 'Facturas a revisar', fmt: qty, href: '#/facturas', tone: 'review', hint: 'esperan tu confirmación' },
];

export async function render(main, params, ctx) {
  const grid = h('div', { class: 'kpis', testid: 'kpis' }, loading());
  const stamp = h('p', { class: 'muted small', testid: 'kpi-updated' });
  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Inicio'), h('p', { class: 'muted' }, `Sucursal ${ctx.branch}`)),
    grid, stamp);

  async function load() {
    try {
      const s = await get(`/api/summary${qs({ branch: ctx.branch })}`);
      if (!ctx.isCurrent()) return;
      replace(grid, CARDS.map((c) => card(c, s[c.key])));
      stamp.textContent = `Actualizado ${dateTime(new Date().toISOString())}`;
    } catch (e) {
      if (ctx.isCurrent()) replace(grid, errorBox(e));
    }
  }
  await load();
  const refresh = debounce(load, 1500);
  const offs = ['stock', 'alert', 'invoice'].map((t) => ctx.events?.on(t, refresh));
  return () => offs.forEach((off) => off && off());
}

function card(c, value) {
  const n = Number(value);
  const warn = c.tone && n > 0;
  const body = [
    h('span', { class: 'kpi-label' }, c.label),
    h('span', { class: 'kpi-value', testid: `kpi-${c.key}-value` }, c.fmt(value)),
    h('span', { class: 'kpi-hint' }, c.hint),
  ];
  const cls = `kpi${warn ? ` kpi-${c.tone}` : ''}`;
  return c.href
    ? h('a', { class: `${cls} kpi-link`, href: c.href, testid: `kpi-${c.key}` }, body)
    : h('div', { class: cls, testid: `kpi-${c.key}` }, body);
}
