// Pedidos: what to order, by supplier, in whole packs; CSV for a spreadsheet and print.
import { get, qs, download } from '../api.js';
import { h, replace, loading, errorBox, debounce } from '../dom.js';
import { money, qty, todayIso } from '../format.js';

export async function render(main, params, ctx) {
  const body = h('div', {}, loading());
  const csvBtn = h('button', { type: 'button', class: 'btn', testid: 'orders-csv' }, 'Descargar CSV');
  const printBtn = h('button', { type: 'button', class: 'btn btn-primary', testid: 'orders-print' }, 'Imprimir');
  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Pedidos'), h('p', { class: 'muted' }, `Sucursal ${ctx.branch}`)),
    h('p', { class: 'muted no-print' }, 'Productos en el mínimo o debajo, agrupados por el último proveedor que los facturó (o el preferido), en bultos enteros.'),
    h('div', { class: 'actions no-print' }, printBtn, csvBtn),
    body);

  async function load() {
    try {
      const res = await get(`/api/orders/suggested${qs({ branch: ctx.branch })}`);
      if (!ctx.isCurrent()) return;
      const items = res.items || [];
      csvBtn.disabled = printBtn.disabled = !items.length;
      if (!items.length) {
        replace(body, h('p', { class: 'notice notice-ok', testid: 'orders-empty' }, 'No hay nada para pedir: todo está por encima del mínimo.'));
        return;
      }
      const groups = new Map();
      for (const l of items) {
        const key = l.supplierCuit || '';
        if (!groups.has(key)) groups.set(key, { cuit: l.supplierCuit, name: l.supplierName, lines: [] });
        groups.get(key).lines.push(l);
      }
      replace(body, ...[...groups.values()].map((g, n) => {
        const total = g.lines.reduce((s, l) => s + (l.lastUnitCost == null ? 0 : Number(l.lastUnitCost) * Number(l.orderQty)), 0);
        const heading = g.cuit ? `${g.name || 'Proveedor'} · CUIT ${g.cuit}` : 'Sin proveedor conocido';
        return h('section', { class: 'card', 'aria-labelledby': `ord-${n}`, testid: `orders-supplier-${g.cuit || 'none'}` },
          h('h2', { id: `ord-${n}` }, heading),
          h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
            h('thead', {}, h('tr', {}, ['Producto', 'Stock', 'Mínimo', 'Bulto', 'Pedir', 'Último costo', 'Subtotal']
              .map((t, i) => h('th', { scope: 'col', class: i > 0 ? 'num' : null }, t)))),
            h('tbody', {}, g.lines.map((l) => h('tr', { testid: `order-${l.sku}` },
              h('td', { 'data-label': 'Producto' }, l.name, h('div', { class: 'small muted' }, l.sku)),
              h('td', { class: 'num', 'data-label': 'Stock' }, qty(l.onHand, l.unit)),
              h('td', { class: 'num', 'data-label': 'Mínimo' }, qty(l.minStock, l.unit)),
              h('td', { class: 'num', 'data-label': 'Bulto' }, qty(l.packSize, l.unit)),
              h('td', { class: 'num', 'data-label': 'Pedir', testid: 'order-qty' }, qty(l.orderQty, l.unit)),
              h('td', { class: 'num', 'data-label': 'Último costo' }, l.lastUnitCost == null ? '—' : money(l.lastUnitCost)),
              h('td', { class: 'num', 'data-label': 'Subtotal' }, l.lastUnitCost == null ? '—' : money(Number(l.lastUnitCost) * Number(l.orderQty)))))),
            h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', colspan: 6 }, 'Total estimado'), h('td', { class: 'num' }, money(total)))))));
      }));
    } catch (e) {
      if (ctx.isCurrent()) replace(body, errorBox(e));
    }
  }

  csvBtn.addEventListener('click', async () => {
    try {
      await download(`/api/orders/suggested.csv${qs({ branch: ctx.branch, locale: 'es-AR' })}`, `pedido-${ctx.branch}-${todayIso()}.csv`);
    } catch (e) {
      ctx.toast(e.message, 'error');
    }
  });
  printBtn.addEventListener('click', () => window.print());

  await load();
  const off = ctx.events?.on('stock', debounce(load, 2000));
  return () => off && off();
}
