// Ajustes: a count (counted quantity) or an adjustment with a reason, and transfers between branches.
import { get, ingestPost, qs } from '../api.js';
import { h, replace, field } from '../dom.js';
import { qty } from '../format.js';

const REASONS = [
  ['SHRINKAGE', 'Merma'],
  ['DAMAGE', 'Rotura o vencimiento'],
  ['RETURN', 'Devolución de un cliente'],
  ['OTHER', 'Otro'],
];

/** A product field that takes a sku or a scanned barcode; resolves to the sku and shows what it is. */
function productPicker(ctx, testid) {
  const input = h('input', { type: 'text', required: true, autocomplete: 'off', testid, maxlength: 64, placeholder: 'SKU o código de barras' });
  const info = h('div', { class: 'field-hint', role: 'status', 'aria-live': 'polite', testid: `${testid}-info` });
  let resolved = null;
  async function resolve() {
    const code = input.value.trim();
    resolved = null;
    if (!code) { info.textContent = ''; return null; }
    try {
      const sku = /^\d{8,14}$/.test(code)
        ? (await get(`/api/products/by-code/${encodeURIComponent(code)}${qs({ branch: ctx.branch })}`)).sku
        : code.toUpperCase();
      const s = await get(`/api/stock/${encodeURIComponent(sku)}${qs({ branch: ctx.branch })}`);
      resolved = sku;
      info.textContent = `${s.name} · stock en ${ctx.branch}: ${qty(s.onHand, s.unit)}`;
      return sku;
    } catch (e) {
      info.textContent = e.status === 404 ? 'No existe un producto con ese código.' : e.message;
      return null;
    }
  }
  input.addEventListener('change', resolve);
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); resolve(); } });
  return { input, info, resolve, sku: () => resolved };
}

/**
 * Sends a command with an id made here, keeping the id until it is accepted: a retry after a
 * network cut is the same command, counted once.
 */
function command(path, idField) {
  let id = null;
  return {
    async send(body) {
      id = id || crypto.randomUUID();
      const out = await ingestPost(path, { [idField]: id, ...body });
      id = null;
      return out;
    },
    reset() { id = null; },
  };
}

export async function render(main, params, ctx) {
  // ---- count or adjustment
  const adjProduct = productPicker(ctx, 'adj-sku');
  const kindCount = h('input', { type: 'radio', name: 'adj-kind', value: 'count', checked: true, testid: 'adj-kind-count' });
  const kindDelta = h('input', { type: 'radio', name: 'adj-kind', value: 'delta', testid: 'adj-kind-delta' });
  const adjQty = h('input', { type: 'number', step: '0.001', required: true, inputmode: 'decimal', testid: 'adj-qty' });
  const reason = h('select', { testid: 'adj-reason' }, REASONS.map(([v, t]) => h('option', { value: v }, t)));
  const note = h('input', { type: 'text', maxlength: 200, testid: 'adj-note' });
  const adjSave = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'adj-save' }, 'Guardar');
  const adjMsg = h('div', { role: 'status', 'aria-live': 'polite', testid: 'adj-msg' });
  const qtyLabel = h('span', {}, 'Cantidad contada');
  const reasonField = field('Motivo', reason);
  const kind = h('fieldset', { class: 'radio-group' }, h('legend', {}, 'Tipo'),
    h('label', {}, kindCount, ' Conteo (cuánto hay)'), h('label', {}, kindDelta, ' Ajuste (+ o − unidades)'));
  const qtyField = field('Cantidad contada', adjQty);
  qtyField.querySelector('label').replaceChildren(qtyLabel);
  function syncKind() {
    const counting = kindCount.checked;
    qtyLabel.textContent = counting ? 'Cantidad contada' : 'Diferencia (negativa si faltan)';
    adjQty.min = counting ? '0' : '';
    reasonField.hidden = counting;
  }
  kindCount.addEventListener('change', syncKind);
  kindDelta.addEventListener('change', syncKind);
  syncKind();
  const adjustment = command('/api/stock/adjustments', 'adjustmentId');
  const adjForm = h('form', { class: 'inline-form', novalidate: true, testid: 'adj-form' },
    field('Producto', adjProduct.input), adjProduct.info, kind, qtyField, reasonField, field('Nota (opcional)', note), adjSave);
  adjForm.addEventListener('input', (e) => { if (e.target !== adjProduct.input) return; adjustment.reset(); });
  adjForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    adjSave.disabled = true;
    replace(adjMsg);
    try {
      const sku = adjProduct.sku() || (await adjProduct.resolve());
      if (!sku) throw new Error('Elegí un producto que exista.');
      if (adjQty.value === '' || !Number.isFinite(Number(adjQty.value))) throw new Error('Indicá la cantidad.');
      const counting = kindCount.checked;
      await adjustment.send({
        branch: ctx.branch,
        sku,
        ...(counting ? { countedQty: Number(adjQty.value) } : { delta: Number(adjQty.value) }),
        reason: counting ? 'COUNT' : reason.value,
        ...(note.value.trim() ? { note: note.value.trim() } : {}),
      });
      replace(adjMsg, h('p', { class: 'notice notice-ok' }, counting ? 'Conteo guardado.' : 'Ajuste guardado.'));
      adjQty.value = '';
      note.value = '';
      setTimeout(() => adjProduct.resolve(), 1500);
    } catch (err) {
      replace(adjMsg, h('p', { class: 'notice notice-error', role: 'alert' }, err.message));
    } finally {
      adjSave.disabled = false;
    }
  });

  // ---- transfer
  const trProduct = productPicker(ctx, 'tr-sku');
  const toBranch = h('input', { type: 'text', required: true, pattern: '[a-z0-9][a-z0-9-]{0,31}', testid: 'tr-to', autocomplete: 'off' });
  const trQty = h('input', { type: 'number', step: '0.001', min: '0.001', required: true, inputmode: 'decimal', testid: 'tr-qty' });
  const trSave = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'tr-save' }, 'Transferir');
  const trMsg = h('div', { role: 'status', 'aria-live': 'polite', testid: 'tr-msg' });
  const transfer = command('/api/stock/transfers', 'transferId');
  const trForm = h('form', { class: 'inline-form', novalidate: true, testid: 'tr-form' },
    field('Producto', trProduct.input), trProduct.info,
    field('Desde', h('input', { type: 'text', value: ctx.branch, readonly: true, testid: 'tr-from' }), 'la sucursal elegida arriba'),
    field('Hacia la sucursal', toBranch), field('Cantidad', trQty), trSave);
  trForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    trSave.disabled = true;
    replace(trMsg);
    try {
      const sku = trProduct.sku() || (await trProduct.resolve());
      if (!sku) throw new Error('Elegí un producto que exista.');
      const to = toBranch.value.trim().toLowerCase();
      if (!/^[a-z0-9][a-z0-9-]{0,31}$/.test(to)) throw new Error('La sucursal de destino usa minúsculas, números y guiones.');
      if (to === ctx.branch) throw new Error('La sucursal de destino tiene que ser distinta de la de origen.');
      await transfer.send({ sku, fromBranch: ctx.branch, toBranch: to, qty: Number(trQty.value) });
      replace(trMsg, h('p', { class: 'notice notice-ok' }, `Transferencia a ${to} guardada.`));
      trQty.value = '';
      setTimeout(() => trProduct.resolve(), 1500);
    } catch (err) {
      replace(trMsg, h('p', { class: 'notice notice-error', role: 'alert' }, err.message));
    } finally {
      trSave.disabled = false;
    }
  });

  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Ajustes'), h('p', { class: 'muted' }, `Sucursal ${ctx.branch}`)),
    h('section', { class: 'card', 'aria-labelledby': 'adj-h' }, h('h2', { id: 'adj-h' }, 'Conteo o ajuste de stock'),
      h('p', { class: 'muted small' }, 'Un conteo deja el stock en lo que contaste; un ajuste suma o resta unidades con un motivo.'), adjForm, adjMsg),
    h('section', { class: 'card', 'aria-labelledby': 'tr-h' }, h('h2', { id: 'tr-h' }, 'Transferencia entre sucursales'), trForm, trMsg));
}
