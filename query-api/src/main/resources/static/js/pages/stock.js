import { get, qs, download } from '../api.js';
import { h, replace, field, badge, loading, errorBox, debounce } from '../dom.js';
import { money, qty, decimal1, dateTime, todayIso, STATUS } from '../format.js';

const PAGE_SIZE = 50;
const CHIPS = [['', 'Todos'], ['OK', 'OK'], ['LOW', 'BAJO'], ['OUT', 'SIN STOCK'], ['NEGATIVE', 'NEGATIVO']];
const categoryCache = new Map(); // branch → Set of categories

export async function render(main, params, ctx) {
  const state = {
    q: ctx.query.get('q') || '',
    category: ctx.query.get('category') || '',
    status: STATUS[ctx.query.get('status')] ? ctx.query.get('status') : '',
    page: Math.max(0, Number(ctx.query.get('page')) || 0),
    total: 0,
  };
  const rows = new Map(); // sku → <tr>

  const search = h('input', { type: 'search', value: state.q, placeholder: 'Nombre o código', testid: 'stock-search', autocomplete: 'off' });
  const category = h('select', { testid: 'stock-category' }, h('option', { value: '' }, 'Todas'));
  const chips = h('div', { class: 'chips', role: 'group', 'aria-label': 'Estado' },
    CHIPS.map(([code, label]) => h('button', {
      type: 'button', class: `chip${code ? ` chip-${STATUS[code].tone}` : ''}`, 'data-status': code,
      'aria-pressed': String(state.status === code), testid: `chip-${code || 'ALL'}`,
      onclick: () => { state.status = code; state.page = 0; syncChips(); load(); },
    }, label)));
  const exportBtn = h('button', { type: 'button', class: 'btn', testid: 'stock-export' }, 'Descargar CSV');
  const tbody = h('tbody', { testid: 'stock-rows' });
  const table = h('table', { class: 'table stock-table', testid: 'stock-table' },
    h('caption', { class: 'visually-hidden' }, 'Stock por producto'),
    h('thead', {}, h('tr', {},
      ['Producto', 'Categoría', 'Stock', 'Mínimo', 'Estado', 'Costo prom.', 'Valor', 'Precio', 'Cobertura', 'Sugerido a reponer']
        .map((t, i) => h('th', { scope: 'col', class: i >= 2 && i !== 4 ? 'num' : null }, t)))),
    tbody);
  const status = h('p', { class: 'muted small', role: 'status', 'aria-live': 'polite', testid: 'stock-count' });
  const prev = h('button', { type: 'button', class: 'btn', testid: 'page-prev', onclick: () => { state.page -= 1; load(); } }, '← Anterior');
  const next = h('button', { type: 'button', class: 'btn', testid: 'page-next', onclick: () => { state.page += 1; load(); } }, 'Siguiente →');
  const pageInfo = h('span', { class: 'muted', testid: 'page-info' });
  const msg = h('div');

  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Stock'), exportBtn),
    h('form', { class: 'filters', role: 'search', onsubmit: (e) => { e.preventDefault(); state.q = search.value.trim(); state.page = 0; load(); } },
      field('Buscar', search), field('Categoría', category), h('div', { class: 'field' }, h('span', { class: 'field-label' }, 'Estado'), chips)),
    msg,
    h('div', { class: 'table-wrap' }, table),
    h('div', { class: 'pager' }, prev, pageInfo, next),
    status);

  function syncChips() {
    for (const b of chips.children) b.setAttribute('aria-pressed', String(b.dataset.status === state.status));
  }

  function fillCategories(extra = []) {
    const set = categoryCache.get(ctx.branch) || new Set();
    extra.forEach((c) => c && set.add(c));
    categoryCache.set(ctx.branch, set);
    const wanted = [...set].sort((a, b) => a.localeCompare(b, 'es'));
    if (state.category && !set.has(state.category)) wanted.push(state.category);
    const current = [...category.options].slice(1).map((o) => o.value);
    if (current.join('\n') === wanted.join('\n')) return;
    replace(category, h('option', { value: '' }, 'Todas'), wanted.map((c) => h('option', { value: c, selected: c === state.category }, c)));
    category.value = state.category;
  }

  let loadSeq = 0;
  let loadsInFlight = 0;
  // Stock events for skus that had no row yet because a load was in flight: re-read them once it lands.
  const missedWhileLoading = new Set();
  async function load() {
    const seq = ++loadSeq;
    loadsInFlight += 1;
    ctx.setQuery({ q: state.q, category: state.category, status: state.status, page: state.page || '' });
    replace(msg);
    if (!tbody.children.length) replace(msg, loading());
    table.setAttribute('aria-busy', 'true');
    try {
      const res = await get(`/api/stock${qs({ branch: ctx.branch, q: state.q, category: state.category, status: state.status, page: state.page, size: PAGE_SIZE })}`);
      if (seq !== loadSeq || !ctx.isCurrent()) return;
      replace(msg);
      state.total = Number(res.total) || 0;
      rows.clear();
      replace(tbody, (res.items || []).map((item) => { const tr = row(item); rows.set(item.sku, tr); return tr; }));
      if (!res.items || !res.items.length) {
        tbody.append(h('tr', {}, h('td', { colspan: 10, class: 'empty' }, 'No hay productos que coincidan con la búsqueda.')));
      }
      fillCategories((res.items || []).map((i) => i.category));
      const pages = Math.max(1, Math.ceil(state.total / PAGE_SIZE));
      pageInfo.textContent = `Página ${state.page + 1} de ${pages}`;
      prev.disabled = state.page <= 0;
      next.disabled = state.page + 1 >= pages;
      status.textContent = `${qty(state.total)} ${state.total === 1 ? 'producto' : 'productos'}`;
    } catch (e) {
      if (seq === loadSeq) replace(msg, errorBox(e));
    } finally {
      table.removeAttribute('aria-busy');
      loadsInFlight -= 1;
    }
    if (!loadsInFlight && missedWhileLoading.size) {
      const skus = [...missedWhileLoading];
      missedWhileLoading.clear();
      for (const sku of skus) if (rows.has(sku)) refreshRow(sku);
    }
  }

  category.addEventListener('change', () => { state.category = category.value; state.page = 0; load(); });
  search.addEventListener('input', debounce(() => {
    if (search.value.trim() === state.q) return;
    state.q = search.value.trim(); state.page = 0; load();
  }, 300));
  exportBtn.addEventListener('click', async () => {
    exportBtn.disabled = true;
    try {
      await download(`/api/export/stock.csv${qs({ branch: ctx.branch, locale: 'es-AR' })}`, `stock-${ctx.branch}-${todayIso()}.csv`);
    } catch (e) {
      ctx.toast(e.message, 'error');
    } finally {
      exportBtn.disabled = false;
    }
  });

  // The full category list once per branch (the API has no category endpoint).
  if (!categoryCache.has(ctx.branch)) {
    get(`/api/stock${qs({ branch: ctx.branch, size: 500 })}`)
      .then((r) => ctx.isCurrent() && fillCategories((r.items || []).map((i) => i.category)))
      .catch(() => {});
  } else {
    fillCategories();
  }
  const reload = debounce(load, 2000);
  // SSE "stock" payloads carry {sku, branch, onHand, status, updatedAt}: patch the row at once,
  // then re-read the full StockView (value, cover, reorder) for that sku.
  const refreshRow = async (sku) => {
    try {
      const full = await get(`/api/stock/${encodeURIComponent(sku)}${qs({ branch: ctx.branch })}`);
      const tr = rows.get(sku);
      if (!tr || !ctx.isCurrent()) return;
      const fresh = row(full);
      tr.replaceWith(fresh);
      rows.set(sku, fresh);
    } catch { /* the patched row stays; the next event or page load corrects it */ }
  };
  const offStock = ctx.events?.on('stock', (data) => {
    if (!data || typeof data !== 'object' || !data.sku || data.removed) { reload(); return; }
    if (data.branch && data.branch !== ctx.branch) return;
    const tr = rows.get(data.sku);
    if (!tr) { if (loadsInFlight) missedWhileLoading.add(data.sku); return; } // not on this page (yet)
    if (state.status && data.status && data.status !== state.status) reload();
    const { key, ...fields } = data;
    const fresh = row({ ...tr.item, ...fields });
    fresh.classList.add('flash');
    tr.replaceWith(fresh);
    rows.set(data.sku, fresh);
    refreshRow(data.sku);
  });
  const offPrice = ctx.events?.on('price', (data) => {
    const tr = data && rows.get(data.sku);
    if (!tr || data.listPrice === undefined) return;
    const fresh = row({ ...tr.item, listPrice: data.listPrice });
    tr.replaceWith(fresh);
    rows.set(data.sku, fresh);
  });
  // Subscribed before the first load so that an event arriving while it is in flight is not lost.
  await load();
  return () => { offStock && offStock(); offPrice && offPrice(); };
}

function row(s) {
  const st = STATUS[s.status] || { label: s.status || '—', tone: 'ok' };
  const tr = h('tr', { 'data-sku': s.sku, testid: `stock-row-${s.sku}` },
    h('td', { 'data-label': 'Producto' },
      h('a', { href: `#/producto/${encodeURIComponent(s.sku)}`, class: 'product-link' }, s.name || s.sku),
      h('span', { class: 'sku' }, s.sku)),
    h('td', { 'data-label': 'Categoría' }, s.category || '—'),
    h('td', { class: 'num', 'data-label': 'Stock', testid: 'cell-onHand' }, qty(s.onHand, s.unit)),
    h('td', { class: 'num', 'data-label': 'Mínimo' }, qty(s.minStock, s.unit)),
    h('td', { 'data-label': 'Estado' }, badge(st.label, st.tone, 'cell-status')),
    h('td', { class: 'num', 'data-label': 'Costo prom.' }, money(s.avgCost)),
    h('td', { class: 'num', 'data-label': 'Valor', testid: 'cell-stockValue' }, money(s.stockValue)),
    h('td', { class: 'num', 'data-label': 'Precio', testid: 'cell-listPrice' }, money(s.listPrice)),
    h('td', { class: 'num', 'data-label': 'Cobertura', title: `Venta diaria promedio (28 días): ${qty(s.dailySales28d, s.unit)}` },
      s.daysOfCover === null || s.daysOfCover === undefined ? 'sin ventas' : `${decimal1(s.daysOfCover)} días`),
    h('td', { class: 'num', 'data-label': 'Sugerido a reponer', testid: 'cell-reorderQty' }, Number(s.reorderQty) > 0 ? qty(s.reorderQty, s.unit) : '—'));
  tr.item = s;
  tr.title = s.updatedAt ? `Actualizado ${dateTime(s.updatedAt)}` : '';
  return tr;
}
