import { get, qs } from '../api.js';
import { h, replace, badge, loading, errorBox, debounce } from '../dom.js';
import { qty, dateTime, ago, STATUS } from '../format.js';

const SEVERITY = { NEGATIVE: 0, OUT: 1, LOW: 2 };
const ADVICE = {
  NEGATIVE: 'Se vendió más de lo que figura: falta cargar una factura o hacer un conteo.',
  OUT: 'No quedan unidades.',
  LOW: 'Quedan menos que el mínimo: conviene reponer.',
};

export async function render(main, params, ctx) {
  const body = h('div', {}, loading());
  main.append(h('div', { class: 'page-head' }, h('h1', {}, 'Alertas'), h('p', { class: 'muted' }, `Sucursal ${ctx.branch}`)), body);

  async function load() {
    try {
      const res = await get(`/api/alerts${qs({ branch: ctx.branch })}`);
      if (!ctx.isCurrent()) return;
      const items = (res.items || []).slice().sort((a, b) =>
        (SEVERITY[a.kind] ?? 9) - (SEVERITY[b.kind] ?? 9) || new Date(a.since) - new Date(b.since));
      if (!items.length) {
        replace(body, h('p', { class: 'notice notice-ok', testid: 'alerts-empty' }, 'Todo en orden: no hay productos bajo mínimo ni sin stock.'));
        return;
      }
      replace(body, h('div', { class: 'table-wrap' }, h('table', { class: 'table', testid: 'alerts-table' },
        h('caption', { class: 'visually-hidden' }, 'Alertas vigentes, las más graves primero'),
        h('thead', {}, h('tr', {}, ['Producto', 'Alerta', 'Stock', 'Mínimo', 'Desde', 'Qué hacer']
          .map((t, i) => h('th', { scope: 'col', class: i === 2 || i === 3 ? 'num' : null }, t)))),
        h('tbody', {}, items.map((a) => {
          const st = STATUS[a.kind] || { label: a.kind, tone: 'low' };
          return h('tr', { testid: `alert-${a.sku}` },
            h('td', { 'data-label': 'Producto' }, h('a', { href: `#/producto/${encodeURIComponent(a.sku)}` }, a.sku)),
            h('td', { 'data-label': 'Alerta' }, badge(st.label, st.tone, 'alert-kind')),
            h('td', { class: 'num', 'data-label': 'Stock' }, qty(a.onHand)),
            h('td', { class: 'num', 'data-label': 'Mínimo' }, qty(a.minStock)),
            h('td', { 'data-label': 'Desde' }, h('time', { datetime: a.since, title: ago(a.since) }, dateTime(a.since))),
            h('td', { 'data-label': 'Qué hacer', class: 'small' }, ADVICE[a.kind] || ''));
        })))));
    } catch (e) {
      if (ctx.isCurrent()) replace(body, errorBox(e));
    }
  }
  await load();
  const off = ctx.events?.on('alert', debounce(load, 1000));
  return () => off && off();
}
