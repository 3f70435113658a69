// Análisis: sales per day and category, top 10, gross margin by category and purchases per supplier
// over a range of business days (default: the last 30 days, today included).
import { get, qs } from '../api.js';
import { h, replace, field, loading, errorBox } from '../dom.js';
import { money, qty, pct, date, todayIso } from '../format.js';
import { timeChart } from '../chart.js';

const MAX_DAYS = 400;
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const NO_CATEGORY = 'Sin categoría';
const digits = (cuit) => String(cuit || '').replace(/\D/g, '');

/** "2025-10-15" plus n days, as a calendar date (no time zone involved). */
export function addDays(iso, n) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

function daysBetween(from, to) {
  const t = (iso) => { const [y, m, d] = iso.split('-').map(Number); return Date.UTC(y, m - 1, d); };
  return Math.round((t(to) - t(from)) / 86400000) + 1;
}

const pctOf = (part, whole) => (Number(whole) ? pct((Number(part) * 100 / Number(whole)).toFixed(1)) : '—');

export async function render(main, params, ctx) {
  const today = todayIso();
  const q = (k) => (ISO.test(ctx.query.get(k) || '') ? ctx.query.get(k) : null);
  const state = { to: q('to') || today };
  state.from = q('from') || addDays(state.to, -29);

  const fromIn = h('input', { type: 'date', value: state.from, max: today, required: true, testid: 'range-from' });
  const toIn = h('input', { type: 'date', value: state.to, max: today, required: true, testid: 'range-to' });
  const msg = h('div', { role: 'status', 'aria-live': 'polite', testid: 'range-msg' });
  const quick = (label, days, testid) => h('button', {
    type: 'button', class: 'chip', testid,
    onclick: () => { toIn.value = today; fromIn.value = addDays(today, -(days - 1)); apply(); },
  }, label);
  const form = h('form', { class: 'filters', testid: 'range-form', novalidate: true },
    field('Desde', fromIn), field('Hasta', toIn),
    h('button', { type: 'submit', class: 'btn btn-primary', testid: 'range-apply' }, 'Ver'),
    h('div', { class: 'chips', role: 'group', 'aria-label': 'Rangos rápidos' },
      quick('7 días', 7, 'range-7'), quick('30 días', 30, 'range-30'), quick('90 días', 90, 'range-90'), quick('Un año', 365, 'range-365')));

  const kpis = h('div', { class: 'kpis', testid: 'analytics-kpis' }, loading());
  const chartHost = h('div', { class: 'chart', testid: 'sales-chart' });
  const chartNote = h('p', { class: 'muted small', testid: 'sales-chart-note' });
  const categories = h('div', { testid: 'categories' }, loading());
  const top = h('div', { testid: 'top' }, loading());
  const margin = h('div', { testid: 'margin' }, loading());
  const purchases = h('div', { testid: 'purchases' }, loading());
  const section = (id, title, ...content) => h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), ...content);
  const subtitle = h('p', { class: 'muted', testid: 'analytics-range' });

  main.append(
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Análisis'), subtitle)),
    form, msg, kpis,
    section('an-days', 'Ventas por día', chartHost, chartNote),
    h('div', { class: 'two-col' },
      section('an-categories', 'Ventas por categoría', categories),
      section('an-margin', 'Margen bruto por categoría', margin)),
    section('an-top', 'Los 10 productos más vendidos', top),
    section('an-purchases', 'Compras por proveedor', purchases));

  let destroyChart = () => {};
  let seq = 0;

  function apply() {
    replace(msg);
    const from = fromIn.value;
    const to = toIn.value;
    const bad = (input, text) => { input.setAttribute('aria-invalid', 'true'); replace(msg, errorBox(new Error(text), 'range-error')); input.focus(); };
    fromIn.removeAttribute('aria-invalid');
    toIn.removeAttribute('aria-invalid');
    if (!ISO.test(from)) return bad(fromIn, 'Elegí la fecha de inicio.');
    if (!ISO.test(to)) return bad(toIn, 'Elegí la fecha de fin.');
    if (from > to) return bad(fromIn, 'La fecha "desde" es posterior a la fecha "hasta".');
    if (daysBetween(from, to) > MAX_DAYS) return bad(fromIn, `El rango puede tener hasta ${MAX_DAYS} días.`);
    state.from = from;
    state.to = to;
    ctx.setQuery({ from, to });
    return load();
  }
  form.addEventListener('submit', (e) => { e.preventDefault(); apply(); });

  async function load() {
    const mine = ++seq;
    const current = () => mine === seq && ctx.isCurrent();
    const range = { from: state.from, to: state.to, branch: ctx.branch };
    subtitle.textContent = `Sucursal ${ctx.branch} · del ${date(state.from)} al ${date(state.to)}`;
    [kpis, categories, top, margin, purchases].forEach((el) => replace(el, loading()));
    const sales = get(`/api/analytics/sales${qs(range)}`);
    const best = get(`/api/analytics/top-products${qs({ ...range, limit: 10 })}`);
    const gross = get(`/api/analytics/margin${qs(range)}`);
    const bought = get(`/api/analytics/purchases${qs(range)}`);
    const [s, t, m, p] = await Promise.allSettled([sales, best, gross, bought]);
    if (!current()) return;
    replace(kpis, kpiCards(s.value, m.value, p.value));
    await renderSales(s, current);
    if (!current()) return;
    replace(categories, s.status === 'fulfilled' ? categoryTable(s.value) : errorBox(s.reason));
    replace(top, t.status === 'fulfilled' ? topTable(t.value) : errorBox(t.reason));
    replace(margin, m.status === 'fulfilled' ? marginTable(m.value) : errorBox(m.reason));
    replace(purchases, p.status === 'fulfilled' ? purchasesTable(p.value) : errorBox(p.reason));
  }

  async function renderSales(result, current) {
    destroyChart();
    destroyChart = () => {};
    replace(chartHost);
    replace(chartNote);
    if (result.status !== 'fulfilled') { chartHost.append(errorBox(result.reason)); return; }
    const days = result.value.days || [];
    if (!days.length) return;
    // one bar per business day, at noon in Buenos Aires (UTC−3)
    const xs = days.map((d) => { const [y, mo, dd] = d.day.split('-').map(Number); return Date.UTC(y, mo - 1, dd, 15) / 1000; });
    const ys = days.map((d) => Number(d.amount));
    const bestDay = days.reduce((a, b) => (Number(b.amount) > Number(a.amount) ? b : a), days[0]);
    destroyChart = await timeChart(chartHost, {
      xs, ys, label: 'Ventas', yFormat: money, kind: 'bars',
      ariaLabel: `Ventas por día del ${date(days[0].day)} al ${date(days.at(-1).day)}: total ${money(result.value.amount)}; el mejor día ${date(bestDay.day)} con ${money(bestDay.amount)}`,
    });
    if (!current()) { destroyChart(); return; }
    chartNote.textContent = Number(bestDay.amount) > 0
      ? `Mejor día: ${date(bestDay.day)}, ${money(bestDay.amount)}. Promedio diario: ${money(Number(result.value.amount) / days.length)}.`
      : 'No hubo ventas en este rango.';
  }

  await apply();
  return () => { seq += 1; destroyChart(); };
}

function kpiCards(s, m, p) {
  const card = (key, label, value, hint, tone) => h('div', { class: `kpi${tone ? ` kpi-${tone}` : ''}`, testid: `an-${key}` },
    h('span', { class: 'kpi-label' }, label),
    h('span', { class: 'kpi-value', testid: `an-${key}-value` }, value),
    h('span', { class: 'kpi-hint', testid: `an-${key}-hint` }, hint));
  return [
    card('sales', 'Ventas', s ? money(s.amount) : '—', s ? `${qty(s.qty)} unidades` : 'sin datos'),
    card('margin', 'Margen bruto', m ? money(m.margin) : '—', m ? `${pct(m.marginPct)} de las ventas` : 'sin datos',
      m && Number(m.margin) < 0 ? 'out' : null),
    card('cost', 'Costo de lo vendido', m ? money(m.cost) : '—', 'al costo promedio'),
    card('purchases', 'Compras', p ? money(p.amount) : '—', p ? `${qty(p.invoices)} ${Number(p.invoices) === 1 ? 'factura' : 'facturas'} confirmadas` : 'sin datos'),
  ];
}

const none = (text) => h('p', { class: 'muted' }, text);
const catId = (c) => (c === null || c === undefined ? 'none' : c);
const catName = (c) => (c === null || c === undefined ? NO_CATEGORY : c);

function table(testid, caption, headers, numFrom, rows) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'table', testid },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, headers.map((t, i) => h('th', { scope: 'col', class: i >= numFrom ? 'num' : null }, t)))),
    h('tbody', {}, rows)));
}

function categoryTable(s) {
  const items = s.categories || [];
  if (!items.length) return none('No hubo ventas en este rango.');
  return table('category-table', 'Ventas por categoría, la de más ventas primero', ['Categoría', 'Unidades', 'Ventas', '% del total'], 1,
    items.map((c) => h('tr', { testid: `category-${catId(c.category)}` },
      h('td', { 'data-label': 'Categoría' }, catName(c.category)),
      h('td', { class: 'num', 'data-label': 'Unidades', testid: 'cell-qty' }, qty(c.qty)),
      h('td', { class: 'num', 'data-label': 'Ventas', testid: 'cell-amount' }, money(c.amount)),
      h('td', { class: 'num', 'data-label': '% del total', testid: 'cell-share' }, pctOf(c.amount, s.amount)))));
}

function topTable(t) {
  const items = t.items || [];
  if (!items.length) return none('No hubo ventas en este rango.');
  return table('top-table', 'Productos más vendidos por importe', ['#', 'Producto', 'Categoría', 'Unidades', 'Ventas'], 3,
    items.map((p, i) => h('tr', { testid: `top-${p.sku}` },
      h('td', { 'data-label': '#', testid: 'cell-rank' }, String(i + 1)),
      h('td', { 'data-label': 'Producto' }, h('a', { class: 'product-link', href: `#/producto/${encodeURIComponent(p.sku)}` }, p.name || p.sku),
        h('span', { class: 'sku' }, p.sku)),
      h('td', { 'data-label': 'Categoría' }, catName(p.category)),
      h('td', { class: 'num', 'data-label': 'Unidades', testid: 'cell-qty' }, qty(p.qty)),
      h('td', { class: 'num', 'data-label': 'Ventas', testid: 'cell-amount' }, money(p.amount)))));
}

function marginTable(m) {
  const items = m.categories || [];
  if (!items.length) return none('No hubo ventas en este rango.');
  const row = (testid, name, c, cls) => h('tr', { testid, class: cls },
    h('td', { 'data-label': 'Categoría' }, name),
    h('td', { class: 'num', 'data-label': 'Ventas', testid: 'cell-sales' }, money(c.sales)),
    h('td', { class: 'num', 'data-label': 'Costo', testid: 'cell-cost' }, money(c.cost)),
    h('td', { class: `num${Number(c.margin) < 0 ? ' neg' : ''}`, 'data-label': 'Margen', testid: 'cell-margin' }, money(c.margin)),
    h('td', { class: 'num', 'data-label': 'Margen %', testid: 'cell-marginPct' }, pct(c.marginPct)));
  return [
    table('margin-table', 'Margen bruto por categoría: ventas menos el costo promedio de lo vendido',
      ['Categoría', 'Ventas', 'Costo', 'Margen', 'Margen %'], 1,
      [...items.map((c) => row(`margin-${catId(c.category)}`, catName(c.category), c)),
        row('margin-total', 'Total', m, 'total')]),
    h('p', { class: 'muted small' }, 'Ventas al precio cobrado; costo al costo promedio de cada unidad al momento de la venta.'),
  ];
}

function purchasesTable(p) {
  const items = p.items || [];
  if (!items.length) return none('No hay facturas confirmadas en este rango.');
  return table('purchases-table', 'Compras por proveedor, el de más compras primero', ['Proveedor', 'Facturas', 'Compras', '% del total'], 1,
    items.map((s) => h('tr', { testid: `purchase-${digits(s.cuit)}` },
      h('td', { 'data-label': 'Proveedor' }, h('a', { class: 'product-link', href: `#/proveedores/${digits(s.cuit)}` }, s.name),
        h('span', { class: 'sku' }, `CUIT ${s.cuit}`)),
      h('td', { class: 'num', 'data-label': 'Facturas', testid: 'cell-invoices' }, qty(s.invoices)),
      h('td', { class: 'num', 'data-label': 'Compras', testid: 'cell-amount' }, money(s.amount)),
      h('td', { class: 'num', 'data-label': '% del total' }, pctOf(s.amount, p.amount)))));
}
