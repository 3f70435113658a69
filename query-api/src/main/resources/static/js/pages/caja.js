// Caja (till): a USB scanner types digits then Enter into «Código»; each scan adds a line from
// GET /api/products/by-code (answered from the in-memory catalogue index, cached here), «Cobrar»
// hands the sale to the outbox, which keeps it until ingest-ocr accepts it.
import { get, qs } from '../api.js';
import { h, field, replace } from '../dom.js';
import { money, qty as fmtQty } from '../format.js';
import { outbox, newSaleId } from '../outbox.js';

const CACHE_MS = 5 * 60_000;
const cache = new Map(); // code → { line, at }: a repeated scan shows at once

const cents = (v) => Math.round(Number(v) * 100);
const lineTotal = (l) => (l.fixedTotal !== undefined ? cents(l.fixedTotal) : Math.round(l.qty * cents(l.unitPrice)));

async function lookUp(code, branch) {
  const hit = cache.get(code);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.line;
  const line = await get(`/api/products/by-code/${encodeURIComponent(code)}${qs({ branch })}`);
  if (cache.size > 500) cache.delete(cache.keys().next().value);
  cache.set(code, { line, at: Date.now() });
  return line;
}

/** A scale label (its own line) or a unit scan (same product again: qty + 1). */
function isLabel(code, line) {
  return /^2\d{12}$/.test(code) && (line.unit === 'KG' || Number(line.qty) !== 1);
}

export function render(main, params, ctx) {
  const lines = [];
  const code = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false', testid: 'caja-code', autofocus: true });
  const msg = h('p', { role: 'status', 'aria-live': 'polite', class: 'small', testid: 'caja-msg' });
  const body = h('tbody', {});
  const total = h('output', { class: 'caja-total', testid: 'caja-total', 'aria-live': 'polite' }, money(0));
  const pay = h('button', { type: 'button', class: 'btn btn-primary', testid: 'caja-cobrar', disabled: true }, 'Cobrar');
  const pending = h('p', { class: 'small', role: 'status', 'aria-live': 'polite', testid: 'caja-pending' });
  const rejected = h('div', { testid: 'caja-rejected' });

  function totalCents() { return lines.reduce((s, l) => s + lineTotal(l), 0); }

  function draw() {
    replace(body, ...lines.map((l, i) => {
      const q = h('input', { type: 'number', min: l.unit === 'KG' ? '0.001' : '1', step: l.unit === 'KG' ? '0.001' : '1', value: String(l.qty), class: 'qty-input', 'aria-label': `Cantidad de ${l.name}`, testid: `caja-qty-${i}` });
      q.addEventListener('change', () => {
        const v = Number(q.value);
        if (!(v > 0) || v > 1_000_000) { q.value = String(l.qty); msg.textContent = 'La cantidad tiene que ser mayor que 0.'; return; }
        l.qty = Math.round(v * 1000) / 1000;
        delete l.fixedTotal; // a printed price no longer holds once the qty is edited
        draw();
      });
      return h('tr', { testid: `caja-line-${i}` },
        h('td', {}, l.name, h('span', { class: 'muted small' }, ` ${l.sku}`)),
        h('td', {}, q, l.unit === 'KG' ? ' kg' : ''),
        h('td', { class: 'num' }, money(l.unitPrice)),
        h('td', { class: 'num' }, money(lineTotal(l) / 100)),
        h('td', {}, h('button', { type: 'button', class: 'btn btn-small', 'aria-label': `Quitar ${l.name}`, onclick: () => { lines.splice(i, 1); draw(); code.focus(); } }, 'Quitar')));
    }));
    total.textContent = money(totalCents() / 100);
    pay.disabled = lines.length === 0;
  }

  function drawOutbox() {
    const n = outbox.pending();
    pending.textContent = n ? `${n} pendiente(s)` : 'Sin ventas pendientes';
    replace(rejected, ...outbox.rejected().map((e) =>
      h('p', { class: 'notice notice-error', role: 'alert' },
        `Venta ${e.sale.saleId.slice(0, 8)} rechazada: ${e.error} `,
        h('button', { type: 'button', class: 'btn btn-small', onclick: () => outbox.discard(e.sale.saleId) }, 'Descartar'))));
  }

  async function scan(raw) {
    const c = raw.trim();
    if (!c) return;
    try {
      const line = await lookUp(c, ctx.branch);
      const label = isLabel(c, line);
      const same = !label && lines.find((l) => l.sku === line.sku && !l.label);
      if (same) same.qty += 1;
      else {
        lines.push({
          sku: line.sku, name: line.name, unit: line.unit, label,
          qty: Number(line.qty), unitPrice: Number(line.unitPrice),
          fixedTotal: label ? Number(line.lineTotal) : undefined,
        });
      }
      msg.textContent = `${line.name}: ${fmtQty(line.qty, line.unit)}`;
      draw();
    } catch (e) {
      msg.textContent = e.status === 0 ? 'Sin conexión: ese código no está en la memoria de la caja.' : e.message;
    }
  }

  code.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const v = code.value;
    code.value = '';
    scan(v);
  });

  pay.addEventListener('click', async () => {
    if (!lines.length) return;
    const sale = {
      saleId: newSaleId(),
      branch: ctx.branch,
      soldAt: new Date().toISOString(),
      lines: lines.map((l) => ({ sku: l.sku, qty: l.qty, unitPrice: l.unitPrice })),
    };
    const charged = money(totalCents() / 100);
    lines.length = 0;
    draw();
    msg.textContent = `Venta de ${charged} guardada.`;
    code.focus();
    await outbox.add(sale);
    const waiting = outbox.items().some((e) => e.sale.saleId === sale.saleId);
    msg.textContent = waiting ? `Venta de ${charged} guardada: se envía al volver la conexión.` : `Venta de ${charged} registrada.`;
    drawOutbox();
  });

  const off = outbox.onChange(drawOutbox);
  drawOutbox();
  draw();

  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Caja'), pending),
    h('div', { class: 'card stack' },
      field('Código', code, 'Escaneá el código de barras o escribí el SKU y Enter.'),
      msg),
    h('div', { class: 'card' },
      h('table', { class: 'table', testid: 'caja-lines' },
        h('caption', { class: 'visually-hidden' }, 'Productos de la venta'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Producto'), h('th', { scope: 'col' }, 'Cantidad'), h('th', { scope: 'col', class: 'num' }, 'Precio'), h('th', { scope: 'col', class: 'num' }, 'Importe'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Acciones')))),
        body),
      h('div', { class: 'caja-foot' }, h('span', { class: 'caja-total-label', id: 'caja-total-label' }, 'Total'), total, pay)),
    rejected);
  total.setAttribute('aria-labelledby', 'caja-total-label');
  code.focus();
  return () => off();
}
