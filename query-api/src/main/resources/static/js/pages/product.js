import { get, qs, ApiError } from '../api.js';
import { h, replace, badge, loading, errorBox, debounce } from '../dom.js';
import { money, qty, signedQty, pct, date, dateTime, decimal1, reason, STATUS, MOVEMENT } from '../format.js';
import { timeChart } from '../chart.js';

const factorFmt = new Intl.NumberFormat('es-AR', { minimumFractionDigits: 4, maximumFractionDigits: 4 });
const unitCostFmt = new Intl.NumberFormat('es-AR', { style: 'currency', currency: 'ARS', minimumFractionDigits: 2, maximumFractionDigits: 4 });

export async function render(main, [rawSku], ctx) {
  const sku = decodeURIComponent(rawSku);
  const head = h('section', { class: 'product-head', testid: 'product-head', 'aria-label': 'Producto' }, loading());
  const priceBox = h('section', { class: 'card', testid: 'price-breakdown', 'aria-labelledby': 'price-title' },
    h('h2', { id: 'price-title' }, 'Cómo se forma el precio'), loading());
  const chartHost = h('div', { class: 'chart', testid: 'price-chart' });
  const chartBox = h('section', { class: 'card', 'aria-labelledby': 'chart-title' },
    h('h2', { id: 'chart-title' }, 'Historial de precios'), chartHost);
  const ledger = h('section', { class: 'card', testid: 'movements', 'aria-labelledby': 'mov-title' },
    h('h2', { id: 'mov-title' }, 'Movimientos'), loading());

  main.append(
    h('p', { class: 'crumbs' }, h('a', { href: '#/stock' }, '← Stock')),
    head,
    h('div', { class: 'two-col' }, priceBox, chartBox),
    ledger);

  let destroyChart = () => {};
  let limit = 50;
  let view = null;

  const loadView = async () => {
    try {
      view = await get(`/api/stock/${encodeURIComponent(sku)}${qs({ branch: ctx.branch })}`);
      if (ctx.isCurrent()) replace(head, header(view));
    } catch (e) {
      replace(head, h('h1', {}, sku), errorBox(e.status === 404 ? new ApiError(404, 'No encontramos ese producto en el catálogo.') : e));
    }
  };
  const loadPrice = async () => {
    try {
      const p = await get(`/api/prices/${encodeURIComponent(sku)}`);
      if (ctx.isCurrent()) replace(priceBox, h('h2', { id: 'price-title' }, 'Cómo se forma el precio'), breakdown(p));
    } catch (e) {
      replace(priceBox, h('h2', { id: 'price-title' }, 'Cómo se forma el precio'),
        e.status === 404 ? h('p', { class: 'muted' }, 'Todavía no tiene un precio calculado (hace falta un costo de compra).') : errorBox(e));
    }
  };
  const loadHistory = async () => {
    try {
      const res = await get(`/api/prices/${encodeURIComponent(sku)}/history`);
      if (!ctx.isCurrent()) return;
      const items = (res.items || []).filter((p) => p.effectiveAt && p.listPrice !== null)
        .sort((a, b) => new Date(a.effectiveAt) - new Date(b.effectiveAt));
      destroyChart();
      replace(chartHost);
      if (!items.length) { chartHost.append(h('p', { class: 'muted' }, 'Sin cambios de precio todavía.')); return; }
      const xs = items.map((p) => Math.floor(new Date(p.effectiveAt).getTime() / 1000));
      const ys = items.map((p) => Number(p.listPrice));
      if (xs.length === 1) { xs.push(Math.floor(Date.now() / 1000)); ys.push(ys[0]); }
      destroyChart = await timeChart(chartHost, {
        xs, ys, label: 'Precio de lista', yFormat: money, kind: 'step',
        ariaLabel: `Precio de lista: ${items.length} cambios, de ${money(items[0].listPrice)} a ${money(items.at(-1).listPrice)}`,
      });
      if (!ctx.isCurrent()) destroyChart();
      chartHost.append(h('p', { class: 'muted small' }, `${items.length} ${items.length === 1 ? 'precio' : 'precios'} desde ${dateTime(items[0].effectiveAt)}`));
    } catch (e) {
      replace(chartHost, e.status === 404 ? h('p', { class: 'muted' }, 'Sin historial de precios.') : errorBox(e));
    }
  };
  const loadMovements = async () => {
    try {
      const res = await get(`/api/stock/${encodeURIComponent(sku)}/movements${qs({ branch: ctx.branch, limit })}`);
      if (!ctx.isCurrent()) return;
      const items = res.items || [];
      const more = items.length >= limit && limit < 1000
        ? h('button', { type: 'button', class: 'btn', testid: 'movements-more', onclick: () => { limit = limit < 200 ? 200 : 1000; loadMovements(); } }, 'Ver más movimientos')
        : null;
      replace(ledger, h('h2', { id: 'mov-title' }, 'Movimientos'), movements(items, view?.unit), more);
    } catch (e) {
      replace(ledger, h('h2', { id: 'mov-title' }, 'Movimientos'), errorBox(e));
    }
  };

  await Promise.all([loadView(), loadPrice(), loadHistory(), loadMovements()]);

  const refresh = debounce(() => { loadView(); loadMovements(); }, 800);
  const refreshPrice = debounce(() => { loadPrice(); loadHistory(); }, 800);
  const offs = [
    ctx.events?.on('stock', (d) => { if (!d?.sku || (d.sku === sku && (!d.branch || d.branch === ctx.branch))) refresh(); }),
    ctx.events?.on('price', (d) => { if (!d?.sku || d.sku === sku) refreshPrice(); }),
  ];
  return () => { destroyChart(); offs.forEach((off) => off && off()); };
}

function header(s) {
  const st = STATUS[s.status] || { label: s.status, tone: 'ok' };
  const item = (label, value, testid) => h('div', { class: 'stat' }, h('dt', {}, label), h('dd', { testid }, value));
  return [
    h('div', { class: 'page-head' },
      h('div', {},
        h('h1', { testid: 'product-name' }, s.name || s.sku),
        h('p', { class: 'muted' }, `${s.sku} · ${s.category || 'sin categoría'} · sucursal ${s.branch}`)),
      badge(st.label, st.tone, 'product-status')),
    h('dl', { class: 'stats' },
      item('En stock', qty(s.onHand, s.unit), 'product-onHand'),
      item('Mínimo / máximo', `${qty(s.minStock, s.unit)} / ${s.maxStock === null || s.maxStock === undefined ? '—' : qty(s.maxStock, s.unit)}`),
      item('Costo promedio', unitCostFmt.format(Number(s.avgCost) || 0)),
      item('Valor del stock', money(s.stockValue)),
      item('Precio de lista', money(s.listPrice), 'product-listPrice'),
      item('Venta diaria (28 días)', qty(s.dailySales28d, s.unit)),
      item('Días de cobertura', s.daysOfCover === null || s.daysOfCover === undefined ? 'sin ventas' : decimal1(s.daysOfCover)),
      item('Sugerido a reponer', Number(s.reorderQty) > 0 ? qty(s.reorderQty, s.unit) : 'nada')),
    s.updatedAt ? h('p', { class: 'muted small' }, `Actualizado ${dateTime(s.updatedAt)}`) : null,
  ];
}

function breakdown(p) {
  const n = (v) => Number(v);
  const factor = n(p.inflationFactor);
  const adjusted = n(p.costBasis) * factor;
  const net = adjusted * (1 + n(p.markupPct) / 100);
  const gross = net * (1 + n(p.ivaRatePct) / 100);
  const infPct = (factor - 1) * 100;
  const row = (label, value, detail, testid) => h('tr', { testid },
    h('th', { scope: 'row' }, label), h('td', { class: 'num' }, value), h('td', { class: 'muted small' }, detail || ''));
  return [
    h('table', { class: 'table breakdown' },
      h('caption', { class: 'visually-hidden' }, 'Desglose del precio de lista'),
      h('tbody', {},
        row('Costo', unitCostFmt.format(n(p.costBasis)), `fecha del costo ${date(p.costDate)}`, 'bd-cost'),
        row('Inflación', `× ${factorFmt.format(factor)}`, `${infPct >= 0 ? '+' : ''}${pct(infPct.toFixed(2))} hasta el ${date(p.horizonDate)} (horizonte)`, 'bd-inflation'),
        row('Costo actualizado', money(adjusted), 'calculado'),
        row('Margen', `+ ${pct(p.markupPct)}`, `precio sin IVA ${money(net)}`, 'bd-markup'),
        row('IVA', `+ ${pct(p.ivaRatePct)}`, `precio con IVA ${money(gross)}`, 'bd-iva'),
        row('Redondeo', `a ${money(p.roundingStep)}`, 'para que el precio sea fácil de cobrar', 'bd-rounding'),
        h('tr', { class: 'total', testid: 'bd-list' }, h('th', { scope: 'row' }, 'Precio de lista'), h('td', { class: 'num' }, money(p.listPrice)), h('td', {}, '')))),
    h('p', { class: 'muted small', testid: 'bd-reason' }, `Vigente desde ${dateTime(p.effectiveAt)} · motivo: ${reason(p.reason)}`),
  ];
}

function movements(items, unit) {
  if (!items.length) return h('p', { class: 'muted' }, 'Este producto no tiene movimientos en esta sucursal.');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'table', testid: 'movements-table' },
    h('caption', { class: 'visually-hidden' }, 'Movimientos de stock, el más reciente primero'),
    h('thead', {}, h('tr', {}, ['Fecha', 'Tipo', 'Cantidad', 'Antes', 'Después', 'Costo unit.', 'Origen', 'Usuario']
      .map((t, i) => h('th', { scope: 'col', class: i >= 2 && i <= 5 ? 'num' : null }, t)))),
    h('tbody', {}, items.map((m) => h('tr', { testid: `movement-${m.movementId}` },
      h('td', { 'data-label': 'Fecha' }, dateTime(m.occurredAt)),
      h('td', { 'data-label': 'Tipo' }, h('span', { class: `mv mv-${(m.type || '').toLowerCase()}` }, MOVEMENT[m.type] || m.type)),
      h('td', { class: `num ${Number(m.delta) < 0 ? 'neg' : 'pos'}`, 'data-label': 'Cantidad' }, signedQty(m.delta, unit)),
      h('td', { class: 'num', 'data-label': 'Antes' }, qty(m.before, unit)),
      h('td', { class: 'num', 'data-label': 'Después' }, qty(m.after, unit)),
      h('td', { class: 'num', 'data-label': 'Costo unit.' }, m.unitCost === null || m.unitCost === undefined ? '—' : unitCostFmt.format(Number(m.unitCost))),
      h('td', { 'data-label': 'Origen' }, source(m)),
      // null: recorded before users were, or a system import
      h('td', { 'data-label': 'Usuario', testid: 'movement-user' }, m.user || '—'))))));
}

function source(m) {
  const ref = m.sourceRef || '';
  const [id, line] = ref.split('#');
  if (m.type === 'PURCHASE' && id) {
    return h('a', { href: `#/facturas/${encodeURIComponent(id)}`, testid: 'source-link' }, `Factura ${id}${line ? ` · línea ${line}` : ''}`);
  }
  if (m.type === 'PURCHASE_RETURN' && id) {
    return h('a', { href: `#/facturas/${encodeURIComponent(id)}`, testid: 'source-link' }, `Nota de crédito ${id}${line ? ` · línea ${line}` : ''}`);
  }
  if (m.type === 'SALE' && id) return h('span', { title: ref }, `Venta ${id}${line ? ` · línea ${line}` : ''}`);
  return h('span', {}, ref || '—');
}
