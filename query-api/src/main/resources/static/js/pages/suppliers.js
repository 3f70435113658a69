// Proveedores: every supplier of a confirmed invoice; one supplier's purchases per month and products.
import { get, ApiError } from '../api.js';
import { h, replace, field, loading, errorBox } from '../dom.js';
import { money, qty, date, month } from '../format.js';
import { timeChart } from '../chart.js';

const unitCostFmt = new Intl.NumberFormat('es-AR', { style: 'currency', currency: 'ARS', minimumFractionDigits: 2, maximumFractionDigits: 4 });
const digits = (cuit) => String(cuit || '').replace(/\D/g, '');
const fold = (s) => String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export async function render(main, [cuit], ctx) {
  if (cuit) return renderOne(main, decodeURIComponent(cuit), ctx);

  const search = h('input', { type: 'search', placeholder: 'Nombre o CUIT', testid: 'supplier-search', autocomplete: 'off' });
  const body = h('div', { testid: 'suppliers' }, loading());
  const count = h('p', { class: 'muted small', role: 'status', 'aria-live': 'polite', testid: 'suppliers-count' });
  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Proveedores'),
      h('p', { class: 'muted' }, 'Todos los proveedores de facturas confirmadas')),
    h('form', { class: 'filters', role: 'search', onsubmit: (e) => e.preventDefault() }, field('Buscar', search)),
    body, count);

  let items = [];
  const show = () => {
    const needle = fold(search.value.trim());
    const shown = items.filter((s) => !needle || fold(s.name).includes(needle) || digits(s.cuit).includes(digits(needle) || '\u0000'));
    count.textContent = `${shown.length} ${shown.length === 1 ? 'proveedor' : 'proveedores'}`;
    if (!items.length) {
      replace(body, h('p', { class: 'notice', testid: 'suppliers-empty' }, 'Todavía no hay facturas confirmadas. Los proveedores aparecen al confirmar su primera factura.'));
      return;
    }
    replace(body, h('div', { class: 'table-wrap' }, h('table', { class: 'table', testid: 'suppliers-table' },
      h('caption', { class: 'visually-hidden' }, 'Proveedores por nombre'),
      h('thead', {}, h('tr', {}, ['Proveedor', 'Última factura', 'Importe', 'Facturas', 'Compras totales', 'Productos']
        .map((t, i) => h('th', { scope: 'col', class: i >= 2 ? 'num' : null }, t)))),
      h('tbody', { testid: 'supplier-rows' }, shown.map((s) => h('tr', { testid: `supplier-row-${digits(s.cuit)}` },
        h('td', { 'data-label': 'Proveedor', testid: 'cell-name' },
          h('a', { class: 'product-link', href: `#/proveedores/${digits(s.cuit)}` }, s.name),
          h('span', { class: 'sku' }, `CUIT ${s.cuit}`)),
        h('td', { 'data-label': 'Última factura', testid: 'cell-lastDate' }, date(s.lastInvoice?.issueDate)),
        h('td', { class: 'num', 'data-label': 'Importe', testid: 'cell-lastTotal' }, money(s.lastInvoice?.total)),
        h('td', { class: 'num', 'data-label': 'Facturas', testid: 'cell-invoices' }, qty(s.invoices)),
        h('td', { class: 'num', 'data-label': 'Compras totales', testid: 'cell-total' }, money(s.purchasesTotal)),
        h('td', { class: 'num', 'data-label': 'Productos', testid: 'cell-products' }, qty(s.products))))))));
  };
  search.addEventListener('input', show);

  try {
    const res = await get('/api/suppliers');
    if (!ctx.isCurrent()) return null;
    items = res.items || [];
    show();
  } catch (e) {
    replace(body, errorBox(e));
  }
  const off = ctx.events?.on('invoice', async () => {
    try {
      const res = await get('/api/suppliers');
      if (ctx.isCurrent()) { items = res.items || []; show(); }
    } catch (e) { /* the list stays as it was; the next event retries */ }
  });
  return () => off && off();
}

async function renderOne(main, cuit, ctx) {
  const head = h('section', { class: 'product-head', testid: 'supplier-head', 'aria-label': 'Proveedor' }, loading());
  const chartHost = h('div', { class: 'chart', testid: 'supplier-chart' });
  const months = h('div', { testid: 'supplier-months' });
  const products = h('section', { class: 'card', 'aria-labelledby': 'sp-products' },
    h('h2', { id: 'sp-products' }, 'Productos que provee'), loading());
  main.append(
    h('p', { class: 'crumbs' }, h('a', { href: '#/proveedores' }, '← Proveedores')),
    head,
    h('section', { class: 'card', 'aria-labelledby': 'sp-months' }, h('h2', { id: 'sp-months' }, 'Compras por mes'), chartHost, months),
    products);

  let destroy = () => {};
  try {
    const s = await get(`/api/suppliers/${encodeURIComponent(cuit)}`);
    if (!ctx.isCurrent()) return null;
    replace(head, header(s));
    const list = s.months || [];
    const last = list.slice(-24);
    if (last.length) {
      destroy = await timeChart(chartHost, {
        xs: last.map((m, i) => i),
        labels: last.map((m) => month(m.month)),
        ys: last.map((m) => Number(m.amount)),
        label: 'Compras', yFormat: money, kind: 'bars',
        ariaLabel: `Compras por mes de ${month(last[0].month)} a ${month(last.at(-1).month)}; último mes ${money(last.at(-1).amount)}`,
      });
      if (!ctx.isCurrent()) destroy();
    }
    replace(months, h('div', { class: 'table-wrap' }, h('table', { class: 'table', testid: 'supplier-months-table' },
      h('caption', { class: 'visually-hidden' }, 'Compras por mes, el más reciente primero'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Mes'), h('th', { scope: 'col', class: 'num' }, 'Facturas'),
        h('th', { scope: 'col', class: 'num' }, 'Compras'))),
      h('tbody', {}, list.slice().reverse().map((m) => h('tr', { testid: `month-${m.month}` },
        h('td', { 'data-label': 'Mes' }, month(m.month)),
        h('td', { class: 'num', 'data-label': 'Facturas' }, qty(m.invoices)),
        h('td', { class: 'num', 'data-label': 'Compras', testid: 'cell-amount' }, money(m.amount))))))));
    const items = s.products || [];
    replace(products, h('h2', { id: 'sp-products' }, 'Productos que provee'), items.length
      ? h('div', { class: 'table-wrap' }, h('table', { class: 'table', testid: 'supplier-products' },
        h('caption', { class: 'visually-hidden' }, 'Productos de este proveedor con su último costo'),
        h('thead', {}, h('tr', {}, ['Producto', 'Último costo unit.', 'Cantidad', 'Fecha', 'Factura']
          .map((t, i) => h('th', { scope: 'col', class: i === 1 || i === 2 ? 'num' : null }, t)))),
        h('tbody', {}, items.map((p) => h('tr', { testid: `supplied-${p.sku}` },
          h('td', { 'data-label': 'Producto' }, h('a', { class: 'product-link', href: `#/producto/${encodeURIComponent(p.sku)}` }, p.name || p.sku),
            h('span', { class: 'sku' }, p.sku)),
          h('td', { class: 'num', 'data-label': 'Último costo unit.', testid: 'cell-lastUnitCost' }, unitCostFmt.format(Number(p.lastUnitCost) || 0)),
          h('td', { class: 'num', 'data-label': 'Cantidad' }, qty(p.lastQty)),
          h('td', { 'data-label': 'Fecha', testid: 'cell-lastDate' }, date(p.lastInvoiceDate)),
          h('td', { 'data-label': 'Factura' }, h('a', { href: `#/facturas/${encodeURIComponent(p.lastInvoiceId)}` }, p.lastInvoiceId)))))))
      : h('p', { class: 'muted' }, 'Sus facturas no tienen productos del catálogo.'));
  } catch (e) {
    const err = e.status === 404 ? new ApiError(404, 'No hay facturas confirmadas de ese CUIT.')
      : e.status === 400 ? new ApiError(400, 'El CUIT tiene que tener 11 dígitos, por ejemplo 30-71234567-1.') : e;
    replace(head, h('h1', {}, `CUIT ${cuit}`), errorBox(err));
    replace(products, h('h2', { id: 'sp-products' }, 'Productos que provee'));
  }
  return () => destroy();
}

function header(s) {
  const item = (label, value, testid) => h('div', { class: 'stat' }, h('dt', {}, label), h('dd', { testid }, value));
  return [
    h('div', { class: 'page-head' }, h('div', {},
      h('h1', { testid: 'supplier-name' }, s.name),
      h('p', { class: 'muted', testid: 'supplier-cuit' }, `CUIT ${s.cuit}`))),
    h('dl', { class: 'stats' },
      item('Compras totales', money(s.purchasesTotal), 'supplier-total'),
      item('Facturas', qty(s.invoices), 'supplier-invoices'),
      item('Última factura', s.lastInvoice ? `${date(s.lastInvoice.issueDate)} · ${money(s.lastInvoice.total)}` : '—', 'supplier-last'),
      item('Productos', qty((s.products || []).length))),
  ];
}
