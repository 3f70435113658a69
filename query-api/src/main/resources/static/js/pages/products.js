// Productos: the catalogue (GET /api/products, searched without accents by the server's index),
// the form that creates, edits or deactivates a product (PUT to ingest-ocr), and for admins the
// import of a whole catalogue from a CSV (POST /api/products/import to ingest-ocr).
import { get, qs, ingestPut, ingestPostFile, session } from '../api.js';
import { h, replace, field, badge, loading, errorBox } from '../dom.js';
import { money } from '../format.js';

const PAGE_SIZE = 50;
const IVA = ['0', '2.5', '5', '10.5', '21', '27'];

export async function render(main, params, ctx) {
  const state = { q: ctx.query.get('q') || '', page: Math.max(0, Number(ctx.query.get('page')) || 0), total: 0 };
  const search = h('input', { type: 'search', value: state.q, placeholder: 'Nombre, SKU, EAN o PLU', testid: 'prod-search', autocomplete: 'off' });
  const tbody = h('tbody', { testid: 'prod-rows' });
  const count = h('p', { class: 'muted small', role: 'status', 'aria-live': 'polite', testid: 'prod-count' });
  const prev = h('button', { type: 'button', class: 'btn', testid: 'prod-prev', onclick: () => { state.page -= 1; load(); } }, '← Anterior');
  const next = h('button', { type: 'button', class: 'btn', testid: 'prod-next', onclick: () => { state.page += 1; load(); } }, 'Siguiente →');
  const pageInfo = h('span', { class: 'muted' });
  const formHost = h('div');
  const msg = h('div');
  const create = h('button', { type: 'button', class: 'btn btn-primary', testid: 'prod-new', onclick: () => openForm(null) }, 'Nuevo producto');
  const importBox = h('div', { role: 'status', 'aria-live': 'polite', testid: 'prod-import-result' });
  const importer = session.roles().includes('admin') ? importForm(importBox, () => setTimeout(load, 400)) : null;

  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Productos'), create),
    importer, importBox,
    formHost,
    h('form', { class: 'filters', role: 'search', onsubmit: (e) => { e.preventDefault(); state.q = search.value.trim(); state.page = 0; load(); } },
      field('Buscar', search), h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn' }, 'Buscar'))),
    msg,
    h('div', { class: 'table-wrap' }, h('table', { class: 'table', testid: 'prod-table' },
      h('caption', { class: 'visually-hidden' }, 'Catálogo de productos'),
      h('thead', {}, h('tr', {}, ['SKU', 'Nombre', 'Categoría', 'EAN / PLU', 'Unidad', 'Precio', 'Estado', 'Acciones']
        .map((t, i) => h('th', { scope: 'col', class: i === 5 ? 'num' : null }, t)))),
      tbody)),
    h('div', { class: 'pager' }, prev, pageInfo, next),
    count);

  async function load() {
    ctx.setQuery({ q: state.q, page: state.page || '' });
    replace(msg, loading());
    try {
      const res = await get(`/api/products${qs({ q: state.q, page: state.page, size: PAGE_SIZE })}`);
      if (!ctx.isCurrent()) return;
      replace(msg);
      state.total = res.total;
      replace(tbody, ...res.items.map(row));
      const pages = Math.max(1, Math.ceil(res.total / PAGE_SIZE));
      pageInfo.textContent = `Página ${state.page + 1} de ${pages}`;
      prev.disabled = state.page <= 0;
      next.disabled = state.page + 1 >= pages;
      count.textContent = `${res.total} producto(s)`;
    } catch (e) {
      replace(msg, errorBox(e));
    }
  }

  function row(p) {
    return h('tr', { testid: `prod-row-${p.sku}` },
      h('td', {}, p.sku),
      h('td', {}, p.name),
      h('td', {}, p.category),
      h('td', {}, [p.ean, p.plu && `PLU ${p.plu}`].filter(Boolean).join(' · ') || '—'),
      h('td', {}, p.unit === 'KG' ? 'kg' : 'unidad'),
      h('td', { class: 'num' }, money(p.listPrice)),
      h('td', {}, p.active ? badge('Activo', 'ok') : badge('Inactivo', 'muted')),
      h('td', {},
        h('button', { type: 'button', class: 'btn btn-small', 'aria-label': `Editar ${p.name}`, onclick: () => openForm(p) }, 'Editar'),
        p.active ? h('button', { type: 'button', class: 'btn btn-small', 'aria-label': `Desactivar ${p.name}`, onclick: () => save(p.sku, { ...body(p), active: false }, `${p.name} desactivado.`) }, 'Desactivar') : null));
  }

  function body(p) {
    return {
      name: p.name, category: p.category, ean: p.ean || null, unit: p.unit,
      minStock: p.minStock, maxStock: p.maxStock, ivaRatePct: p.ivaRatePct, markupPct: p.markupPct,
      active: p.active, plu: p.plu || null, scaleValue: p.scaleValue, packSize: p.packSize,
      supplierCuit: p.supplierCuit || null,
    };
  }

  async function save(sku, payload, done) {
    try {
      await ingestPut(`/api/products/${encodeURIComponent(sku)}`, payload);
      ctx.toast(done);
      replace(formHost);
      setTimeout(load, 400); // the read side follows the products topic within moments
      return true;
    } catch (e) {
      ctx.toast(e.message, 'error');
      return false;
    }
  }

  function openForm(p) {
    const form = productForm(p || prefill(ctx.query), {
      editing: !!p,
      save: (sku, payload) => save(sku, payload, `Producto ${sku} guardado.`),
      cancel: () => replace(formHost),
      toast: ctx.toast,
    });
    replace(formHost, form);
    form.querySelector(p ? '[name=name]' : '[name=sku]').focus();
  }

  if (ctx.query.get('nuevo')) openForm(null);
  await load();
}

const SHOWN_REJECTIONS = 50;

/** «Importar catálogo (CSV)»: the file goes to ingest-ocr as is; the answer is told in `box`. */
function importForm(box, done) {
  const file = h('input', { type: 'file', id: 'prod-import-file', accept: '.csv,text/csv', testid: 'prod-import-file', class: 'visually-hidden' });
  file.addEventListener('change', async () => {
    const f = file.files[0];
    file.value = '';
    if (!f) return;
    replace(box, loading(`Importando ${f.name}…`));
    try {
      const res = await ingestPostFile('/api/products/import', f, 'text/csv');
      replace(box, importResult(res));
      if (res.accepted > 0) done();
    } catch (e) {
      replace(box, errorBox(e, 'prod-import-error'));
    }
  });
  return h('div', { class: 'actions' }, file,
    h('label', { for: 'prod-import-file', class: 'btn', testid: 'prod-import-pick' }, 'Importar catálogo (CSV)'),
    h('span', { class: 'muted small' }, 'Primera línea: sku,name,category,ean,unit,minStock,maxStock,ivaRatePct,markupPct,active,plu,scaleValue,packSize,supplierCuit (al menos sku).'));
}

function importResult(res) {
  const n = res.accepted;
  const m = res.rejected.length;
  const count = (k) => k.toLocaleString('es-AR');
  const summary = `${count(n)} producto${n === 1 ? '' : 's'} importado${n === 1 ? '' : 's'}, ${count(m)} rechazado${m === 1 ? '' : 's'}`;
  const lines = res.rejected.slice(0, SHOWN_REJECTIONS).map((r) =>
    h('li', { testid: `prod-import-rejected-${r.line}` }, `Línea ${r.line}${r.sku ? ` (${r.sku})` : ''}: ${r.error}`));
  return h('div', { class: `notice ${m ? 'notice-warn' : 'notice-ok'}`, testid: 'prod-import-summary' },
    h('p', {}, `${summary}.`),
    lines.length ? h('ul', {}, lines) : null,
    m > SHOWN_REJECTIONS ? h('p', { class: 'small' }, `y ${count(m - SHOWN_REJECTIONS)} líneas rechazadas más.`) : null);
}

/** A new product pre-filled from the address (#/productos?nuevo=1&name=…&ean=…). */
function prefill(query) {
  return { name: query.get('name') || '', ean: query.get('ean') || '', category: query.get('category') || '' };
}

/**
 * The product form (also opened from an invoice line in the review queue): `save(sku, payload)`
 * answers true when ingest-ocr accepted it.
 */
export function productForm(pre, { editing = false, save, cancel, toast, hint = null }) {
  const input = (name, value, props = {}) => h('input', { name, value: value ?? '', autocomplete: 'off', testid: `prod-${name}`, ...props });
  const sku = input('sku', pre.sku, { required: true, disabled: editing, spellcheck: 'false' });
  const name = input('name', pre.name, { required: true });
  const category = input('category', pre.category || 'Almacén', { required: true });
  const ean = input('ean', pre.ean, { inputmode: 'numeric' });
  const plu = input('plu', pre.plu, { inputmode: 'numeric', maxlength: '5' });
  const unit = h('select', { name: 'unit', testid: 'prod-unit' },
    h('option', { value: 'UNIT', selected: pre.unit !== 'KG' }, 'Unidad'), h('option', { value: 'KG', selected: pre.unit === 'KG' }, 'Kilo (pesable)'));
  const scale = h('select', { name: 'scaleValue', testid: 'prod-scaleValue' },
    h('option', { value: 'WEIGHT', selected: pre.scaleValue !== 'PRICE' }, 'Peso (gramos)'), h('option', { value: 'PRICE', selected: pre.scaleValue === 'PRICE' }, 'Importe (pesos)'));
  const minStock = input('minStock', pre.minStock ?? 0, { type: 'number', min: '0', step: '0.001', required: true });
  const maxStock = input('maxStock', pre.maxStock, { type: 'number', min: '0', step: '0.001' });
  const iva = h('select', { name: 'ivaRatePct', testid: 'prod-ivaRatePct' },
    IVA.map((r) => h('option', { value: r, selected: Number(pre.ivaRatePct ?? 21) === Number(r) }, `${r.replace('.', ',')} %`)));
  const markup = input('markupPct', pre.markupPct, { type: 'number', min: '0', max: '1000', step: '0.01' });
  const packSize = input('packSize', pre.packSize ?? 1, { type: 'number', min: '0.001', step: '0.001' });
  const cuit = input('supplierCuit', pre.supplierCuit, { placeholder: '30-71234567-1' });
  const active = h('input', { type: 'checkbox', name: 'active', checked: pre.active !== false, testid: 'prod-active' });
  const num = (el) => (el.value === '' ? null : Number(el.value));
  const title = editing ? `Editar ${pre.name}` : 'Nuevo producto';
  const form = h('form', { class: 'card stack', testid: 'prod-form', novalidate: true, 'aria-label': title },
    h('h2', {}, title),
    hint ? h('p', { class: 'muted small' }, hint) : null,
    field('SKU', sku, 'Mayúsculas, números, - y _ (por ejemplo ALM000123).'),
    field('Nombre', name), field('Categoría', category),
    field('EAN', ean, 'Código de barras de 13, 8 o 12 dígitos (opcional).'),
    field('Unidad', unit),
    field('PLU', plu, 'Para pesables: 5 dígitos que imprime la balanza.'),
    field('La etiqueta de la balanza indica', scale),
    field('Stock mínimo', minStock), field('Stock máximo', maxStock),
    field('IVA', iva), field('Margen %', markup),
    field('Unidades por bulto', packSize), field('CUIT del proveedor', cuit),
    h('div', { class: 'field' }, h('label', {}, active, ' Activo')),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'btn btn-primary', testid: 'prod-save' }, 'Guardar'),
      h('button', { type: 'button', class: 'btn', onclick: cancel }, 'Cancelar')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    e.stopPropagation(); // inside the invoice editor's form, its submit must not fire
    const s = (editing ? pre.sku : sku.value.trim()).toUpperCase();
    if (!/^[A-Z0-9][A-Z0-9_-]{0,49}$/.test(s)) { toast('El SKU usa mayúsculas, números, - y _.', 'error'); sku.focus(); return; }
    save(s, {
      name: name.value.trim(), category: category.value.trim(), ean: ean.value.trim() || null, unit: unit.value,
      minStock: num(minStock) ?? 0, maxStock: num(maxStock), ivaRatePct: Number(iva.value), markupPct: num(markup),
      active: active.checked, plu: plu.value.trim() || null, scaleValue: scale.value, packSize: num(packSize) ?? 1,
      supplierCuit: cuit.value.trim() || null,
    });
  });
  return form;
}


