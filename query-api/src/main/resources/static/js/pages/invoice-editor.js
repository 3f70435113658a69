// Invoice review form: image beside the parsed data; header, lines and totals editable.
import { h, replace, field, badge } from '../dom.js';
import { ingestPut } from '../api.js';
import { productForm } from './products.js';
import { money, pct, date, INVOICE_STATUS, INVOICE_KIND } from '../format.js';
import { photoTools } from './photo-tools.js';
import { rejectPrompt, rejectedText } from './reject.js';

const SKU_RE = /^[A-Z0-9][A-Z0-9_-]{0,49}$/;
const CUIT_RE = /^\d{2}-?\d{8}-?\d$/;
const IVA_RATES = [0, 2.5, 5, 10.5, 21, 27];
const round2 = (x) => Math.round((x + Number.EPSILON) * 100) / 100;
const num = (v) => (v === '' || v === null || v === undefined ? NaN : Number(String(v).replace(',', '.')));

/** A line's total by the contract's rule: qty × unit cost × (1 − bonificación / 100), to the centavo. */
export const lineTotalOf = (qty, unitCost, discountPct) => round2(qty * unitCost * (1 - (Number.isFinite(discountPct) ? discountPct : 0) / 100));

/** Totals by the contract's rule: IVA per rate on the sum of net lines, half-up to the centavo. */
export function computeTotals(lines, pricesIncludeIva, otherTaxes) {
  const byRate = new Map();
  let net = 0;
  for (const l of lines) {
    const t = num(l.lineTotal) || 0;
    net += t;
    const r = num(l.ivaRatePct) || 0;
    byRate.set(r, (byRate.get(r) || 0) + t);
  }
  let iva = 0;
  if (!pricesIncludeIva) for (const [r, sum] of byRate) iva += round2((sum * r) / 100);
  net = round2(net);
  iva = round2(iva);
  return { netTotal: net, ivaTotal: iva, total: round2(net + iva + (num(otherTaxes) || 0)) };
}

const STATUS_TONE = { CONFIRMED: 'ok', REJECTED: 'out' };

/**
 * What the review taught about the supplier, said on the value it fixed: «Corregido según la
 * revisión del 03/12/2026 (se leyó «…»)», or, when the text read was kept, «Texto confirmado en la
 * revisión del 03/12/2026».
 */
export function learnedText(learned, value) {
  const on = date(learned.reviewedOn);
  return learned.read && learned.read !== value
    ? `Corregido según la revisión del ${on} (se leyó «${learned.read}»)`
    : `Texto confirmado en la revisión del ${on}`;
}

/**
 * Renders the editor into host. opts: { mode: 'new'|'review'|'view', file?, pages? (the photos of a
 * multi-page invoice), transform? ({ rotate, cropBox } the photo was read with), reread?({ rotate,
 * crop, cropBox }) → Promise (a photo can be turned, cropped and read again), submit(inv) →
 * Promise<Invoice>, onRejected?(inv) (review mode: offers «Rechazar»), onDone() }.
 * Returns a dispose function (revokes the image's object URL).
 */
export function invoiceEditor(host, invoice, opts) {
  const readOnly = opts.mode === 'view';
  const isPhoto = !!opts.file && opts.file.type !== 'application/pdf';
  const tools = isPhoto && opts.reread && !(opts.pages && opts.pages.length > 1)
    ? photoTools(opts.file, { transform: opts.transform, reread: opts.reread })
    : null;
  const url = opts.file && !tools ? URL.createObjectURL(opts.file) : null;
  const inv = structuredClone(invoice);
  inv.supplier = inv.supplier || {};
  inv.lines = inv.lines && inv.lines.length ? inv.lines : [{ qty: 1, unitCost: 0, ivaRatePct: 21, lineTotal: 0 }];

  const input = (testid, value, attrs = {}) => h('input', { testid, value: value ?? '', disabled: readOnly, ...attrs });
  const f = {
    cuit: input('inv-cuit', inv.supplier.cuit, { inputmode: 'numeric', placeholder: '30-71234567-1', autocomplete: 'off' }),
    name: input('inv-supplier', inv.supplier.name, { autocomplete: 'off' }),
    type: h('select', { testid: 'inv-type', disabled: readOnly }, ['A', 'B', 'C', 'M'].map((t) => h('option', { value: t, selected: inv.type === t }, t))),
    kind: h('select', { testid: 'inv-kind', disabled: readOnly },
      Object.entries(INVOICE_KIND).map(([k, label]) => h('option', { value: k, selected: (inv.kind || 'INVOICE') === k }, label))),
    pos: input('inv-pos', inv.pointOfSale, { type: 'number', min: 1, max: 99999, step: 1 }),
    number: input('inv-number', inv.number, { type: 'number', min: 1, max: 99999999, step: 1 }),
    date: input('inv-date', inv.issueDate, { type: 'date' }),
    cae: input('inv-cae', inv.cae, { inputmode: 'numeric', autocomplete: 'off' }),
    branch: input('inv-branch', inv.branch, { autocomplete: 'off' }),
    includesIva: h('input', { type: 'checkbox', testid: 'inv-includes-iva', checked: !!inv.pricesIncludeIva, disabled: readOnly }),
    other: input('inv-otherTaxes', inv.otherTaxes ?? 0, { type: 'number', step: '0.01', min: 0 }),
    net: input('inv-netTotal', inv.netTotal, { type: 'number', step: '0.01' }),
    iva: input('inv-ivaTotal', inv.ivaTotal, { type: 'number', step: '0.01' }),
    total: input('inv-total', inv.total, { type: 'number', step: '0.01' }),
  };
  f.type.addEventListener('change', () => { f.includesIva.checked = f.type.value === 'B' || f.type.value === 'C'; recompute(); });
  f.includesIva.addEventListener('change', () => recompute());

  const tbody = h('tbody', { testid: 'inv-lines' });
  const calc = { net: h('span', { class: 'calc' }), iva: h('span', { class: 'calc' }), total: h('span', { class: 'calc' }) };
  const mismatch = h('p', { class: 'notice notice-warn', testid: 'inv-mismatch', hidden: true });
  const result = h('div', { testid: 'inv-result' });
  const errors = h('div', { role: 'alert', testid: 'inv-errors' });

  function lineRow(l, i) {
    const cell = (label, el) => h('td', { 'data-label': label }, el);
    const inp = (key, attrs) => h('input', {
      value: l[key] ?? '', testid: `line-${key}-${i}`, disabled: readOnly, 'aria-label': `${attrs.label} (línea ${i + 1})`, ...attrs.more,
    });
    const sku = inp('sku', { label: 'SKU', more: { autocomplete: 'off', placeholder: 'ALM000001', class: 'mono' } });
    const code = inp('supplierCode', { label: 'Código del proveedor', more: { autocomplete: 'off' } });
    const desc = inp('description', { label: 'Descripción', more: { autocomplete: 'off' } });
    const q = inp('qty', { label: 'Cantidad', more: { type: 'number', step: '0.001', min: 0 } });
    const cost = inp('unitCost', { label: 'Costo unitario', more: { type: 'number', step: '0.0001', min: 0 } });
    const discount = inp('discountPct', { label: 'Bonificación %', more: { type: 'number', step: '0.01', min: 0, max: 99.99 } });
    if (l.discountPct === undefined || l.discountPct === null) discount.value = '0';
    const rate = h('select', { testid: `line-ivaRatePct-${i}`, disabled: readOnly, 'aria-label': `IVA % (línea ${i + 1})` },
      [...new Set([...IVA_RATES, num(l.ivaRatePct)].filter((r) => !Number.isNaN(r)))].sort((a, b) => a - b)
        .map((r) => h('option', { value: r, selected: num(l.ivaRatePct) === r }, pct(r))));
    const total = inp('lineTotal', { label: 'Total de la línea', more: { type: 'number', step: '0.01' } });
    sku.addEventListener('input', () => { sku.value = sku.value.toUpperCase(); });
    const autoTotal = () => {
      const t = lineTotalOf(num(q.value), num(cost.value), num(discount.value));
      if (Number.isFinite(t)) total.value = t.toFixed(2);
      recompute();
    };
    q.addEventListener('input', autoTotal);
    cost.addEventListener('input', autoTotal);
    discount.addEventListener('input', autoTotal);
    rate.addEventListener('change', recompute);
    total.addEventListener('input', recompute);
    const remove = h('button', {
      type: 'button', class: 'btn btn-quiet', testid: `line-remove-${i}`, disabled: readOnly,
      'aria-label': `Quitar la línea ${i + 1}`, onclick: () => { tr.remove(); recompute(); },
    }, '✕');
    // an unknown line in the review queue: create its product here and link the line to it
    const create = readOnly || l.sku ? null : h('button', {
      type: 'button', class: 'btn btn-small', testid: `line-create-${i}`, 'aria-label': `Crear producto de la línea ${i + 1}`,
      onclick: () => {
        if (tr.nextSibling && tr.nextSibling.classList.contains('line-product')) return;
        const row = h('tr', { class: 'line-product' });
        const say = (m) => replace(errors, h('p', { class: 'notice notice-error' }, m));
        const form = productForm({
          name: desc.value.trim(), ean: /^\d{8}$|^\d{12,13}$/.test(code.value.trim()) ? code.value.trim() : '',
          sku: /^[A-Za-z0-9][A-Za-z0-9_-]{0,49}$/.test(code.value.trim()) ? code.value.trim().toUpperCase() : '',
          supplierCuit: f.cuit.value.trim(), ivaRatePct: Number.isFinite(num(rate.value)) ? num(rate.value) : 21,
        }, {
          hint: `Desde la línea ${i + 1} (código ${code.value || '—'}, costo ${money(num(cost.value))}).`,
          toast: say,
          cancel: () => row.remove(),
          save: async (newSku, payload) => {
            try {
              await ingestPut(`/api/products/${encodeURIComponent(newSku)}`, payload);
              sku.value = newSku;
              row.remove();
              create.remove();
              replace(errors);
              recompute();
              sku.focus();
            } catch (e) {
              say(e.message);
            }
          },
        });
        row.append(h('td', { colspan: '9' }, form));
        tr.after(row);
        form.querySelector('[name=sku]').focus();
      },
    }, 'Crear producto');
    const learned = l.learned
      ? h('small', { class: 'learned muted', testid: `line-learned-${i}`, title: `Aprendido de la factura ${l.learned.fromInvoiceId}` }, learnedText(l.learned, l.description))
      : null;
    const tr = h('tr', { class: 'line' }, cell('SKU', h('span', {}, sku, create)), cell('Cód. proveedor', code), cell('Descripción', h('span', {}, desc, learned)), cell('Cantidad', q),
      cell('Costo unit.', cost), cell('Bonif. %', discount), cell('IVA', rate), cell('Total línea', total), h('td', {}, readOnly ? null : remove));
    tr.read = () => ({
      sku: sku.value.trim() || null, supplierCode: code.value.trim() || null, description: desc.value.trim() || null,
      qty: num(q.value), unitCost: num(cost.value), discountPct: Number.isFinite(num(discount.value)) ? num(discount.value) : 0,
      ivaRatePct: num(rate.value), lineTotal: num(total.value),
    });
    tr.inputs = { sku, q, cost, discount, total };
    return tr;
  }
  inv.lines.forEach((l, i) => tbody.append(lineRow(l, i)));
  let nextIndex = inv.lines.length;

  const readLines = () => [...tbody.querySelectorAll('tr.line')].map((tr) => tr.read());

  function recompute() {
    const c = computeTotals(readLines(), f.includesIva.checked, f.other.value);
    calc.net.textContent = `calculado ${money(c.netTotal)}`;
    calc.iva.textContent = `calculado ${money(c.ivaTotal)}`;
    calc.total.textContent = `calculado ${money(c.total)}`;
    const declared = num(f.total.value);
    const off = Number.isFinite(declared) && Math.abs(declared - c.total) > 1;
    mismatch.hidden = !off;
    mismatch.textContent = off ? `El total de la factura (${money(declared)}) no coincide con la suma de las líneas (${money(c.total)}). Revisá cantidades y precios.` : '';
    return c;
  }
  [f.other, f.total].forEach((el) => el.addEventListener('input', recompute));

  const useCalc = h('button', {
    type: 'button', class: 'btn btn-quiet', testid: 'inv-use-calculated', disabled: readOnly,
    onclick: () => { const c = recompute(); f.net.value = c.netTotal.toFixed(2); f.iva.value = c.ivaTotal.toFixed(2); f.total.value = c.total.toFixed(2); recompute(); },
  }, 'Usar los calculados');

  function collect() {
    const problems = [];
    host.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
    const bad = (el, msg) => { el.setAttribute('aria-invalid', 'true'); problems.push({ el, msg }); };
    if (!CUIT_RE.test(f.cuit.value.trim())) bad(f.cuit, 'El CUIT tiene 11 números (por ejemplo 30-71234567-1).');
    if (!(num(f.pos.value) >= 1)) bad(f.pos, 'Falta el punto de venta.');
    if (!(num(f.number.value) >= 1)) bad(f.number, 'Falta el número de la factura.');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date.value)) bad(f.date, 'Falta la fecha de la factura.');
    if (!/^[a-z0-9][a-z0-9-]{0,31}$/.test(f.branch.value.trim())) bad(f.branch, 'La sucursal usa minúsculas, números y guiones.');
    const rows = [...tbody.querySelectorAll('tr.line')];
    if (!rows.length) problems.push({ el: addLine, msg: 'La factura necesita al menos una línea.' });
    rows.forEach((tr, i) => {
      const l = tr.read();
      if (l.sku && !SKU_RE.test(l.sku)) bad(tr.inputs.sku, `Línea ${i + 1}: el SKU usa mayúsculas, números, guiones.`);
      if (!(l.qty > 0)) bad(tr.inputs.q, `Línea ${i + 1}: la cantidad tiene que ser mayor que cero.`);
      if (!(l.unitCost >= 0)) bad(tr.inputs.cost, `Línea ${i + 1}: falta el costo unitario.`);
      if (!(l.discountPct >= 0 && l.discountPct < 100)) bad(tr.inputs.discount, `Línea ${i + 1}: la bonificación va de 0 a menos de 100 %.`);
      if (!Number.isFinite(l.lineTotal)) bad(tr.inputs.total, `Línea ${i + 1}: falta el total de la línea.`);
    });
    const c = recompute();
    const orCalc = (el, v) => (Number.isFinite(num(el.value)) ? num(el.value) : v);
    const out = {
      supplier: { cuit: f.cuit.value.trim(), name: f.name.value.trim() },
      kind: f.kind.value, type: f.type.value, pointOfSale: num(f.pos.value), number: num(f.number.value), issueDate: f.date.value,
      cae: f.cae.value.trim() || null, branch: f.branch.value.trim(), pricesIncludeIva: f.includesIva.checked,
      lines: readLines(),
      netTotal: orCalc(f.net, c.netTotal), ivaTotal: orCalc(f.iva, c.ivaTotal), otherTaxes: num(f.other.value) || 0, total: orCalc(f.total, c.total),
    };
    if (inv.invoiceId) out.invoiceId = inv.invoiceId;
    return { out, problems };
  }

  const confirm = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'inv-confirm' }, 'Confirmar factura');
  // review mode: the invoice may be taken out of the queue instead of confirmed
  const rejectBox = h('div', { testid: 'inv-reject-box' });
  const reject = opts.mode === 'review' && opts.onRejected && inv.invoiceId ? h('button', {
    type: 'button', class: 'btn btn-danger', testid: 'inv-reject',
    onclick: () => {
      reject.hidden = true;
      const prompt = rejectPrompt(inv.invoiceId, {
        onCancel: () => { replace(rejectBox); reject.hidden = false; reject.focus(); },
        onRejected: (saved) => {
          replace(rejectBox);
          form.querySelectorAll('input, select, button').forEach((el) => { if (el !== cancel) el.disabled = true; });
          confirm.hidden = true;
          cancel.textContent = 'Listo';
          replace(result, h('p', { class: 'notice notice-ok', role: 'status', testid: 'inv-saved' },
            saved?.duplicate ? 'Esta factura ya estaba rechazada.' : 'Factura rechazada: salió de la cola de revisión y no mueve stock.'));
          opts.onRejected(saved);
          cancel.focus();
        },
      });
      replace(rejectBox, prompt);
      prompt.focusReason();
    },
  }, 'Rechazar') : null;
  const cancel = h('button', { type: 'button', class: 'btn', testid: 'inv-cancel', onclick: () => opts.onDone() }, readOnly ? 'Volver' : 'Descartar');
  const addLine = h('button', {
    type: 'button', class: 'btn', testid: 'inv-add-line', disabled: readOnly,
    onclick: () => { const tr = lineRow({ qty: 1, unitCost: 0, discountPct: 0, ivaRatePct: 21, lineTotal: 0 }, nextIndex++); tbody.append(tr); tr.querySelector('input').focus(); recompute(); },
  }, '+ Agregar línea');

  const form = h('form', { class: 'invoice-form', novalidate: true, testid: 'invoice-form' },
    h('div', { class: 'inv-status' },
      inv.kind && inv.kind !== 'INVOICE' ? badge(INVOICE_KIND[inv.kind] || inv.kind, 'review', 'inv-kind-badge') : null,
      badge(INVOICE_STATUS[inv.status] || (opts.mode === 'new' ? 'Nueva' : inv.status || 'Nueva'), STATUS_TONE[inv.status] || 'review', 'inv-status'),
      inv.confidence !== undefined && inv.confidence !== null ? h('span', { class: 'muted small' }, ` Confianza de la lectura: ${pct(Math.round(inv.confidence * 100))}`) : null,
      inv.source?.qr ? h('span', { class: 'muted small' }, ' · con QR de AFIP') : null),
    inv.status === 'REJECTED' ? h('p', { class: 'notice notice-error', testid: 'inv-rejected' }, rejectedText(inv), '. No mueve stock ni costos.') : null,
    inv.issues && inv.issues.length ? h('ul', { class: 'notice notice-warn issues', testid: 'inv-issues', 'aria-label': 'Para revisar' }, inv.issues.map((i) => h('li', {}, i))) : null,
    inv.notes && inv.notes.length ? h('details', { class: 'notice reader-notes', testid: 'inv-notes' },
      h('summary', {}, `Corregido automáticamente por el lector (${inv.notes.length}): una sola lectura posible y las sumas cierran`),
      h('ul', {}, inv.notes.map((n) => h('li', {}, n)))) : null,
    h('fieldset', { class: 'grid-fields' }, h('legend', {}, 'Datos de la factura'),
      field('Comprobante', f.kind), field('CUIT del proveedor', f.cuit),
      field('Razón social', f.name, inv.supplier.learned ? learnedText(inv.supplier.learned, inv.supplier.name) : undefined), field('Tipo', f.type),
      field('Punto de venta', f.pos), field('Número', f.number), field('Fecha', f.date),
      field('CAE', f.cae, 'opcional'), field('Sucursal', f.branch),
      h('label', { class: 'field check' }, f.includesIva, h('span', {}, 'Los precios incluyen IVA (facturas B y C)'))),
    h('fieldset', {}, h('legend', {}, 'Productos'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'table lines-table' },
        h('thead', {}, h('tr', {}, ['SKU', 'Cód. proveedor', 'Descripción', 'Cantidad', 'Costo unit.', 'Bonif. %', 'IVA', 'Total línea', ''].map((t) => h('th', { scope: 'col' }, t)))),
        tbody)),
      addLine),
    h('fieldset', { class: 'grid-fields totals' }, h('legend', {}, 'Totales'),
      field('Neto', f.net, calc.net), field('IVA', f.iva, calc.iva), field('Otros impuestos', f.other), field('Total', f.total, calc.total), useCalc),
    mismatch, errors,
    h('div', { class: 'actions' }, readOnly ? null : confirm, reject, cancel),
    rejectBox,
    result);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const { out, problems } = collect();
    replace(errors);
    if (problems.length) {
      errors.append(h('ul', { class: 'notice notice-error' }, problems.map((p) => h('li', {}, p.msg))));
      problems[0].el.focus();
      return;
    }
    confirm.disabled = true;
    confirm.textContent = 'Confirmando…';
    try {
      const saved = await opts.submit(out);
      form.querySelectorAll('input, select, button').forEach((el) => { if (el !== cancel) el.disabled = true; });
      confirm.hidden = true;
      cancel.textContent = 'Listo';
      cancel.disabled = false;
      const msg = saved?.duplicate && saved?.status === 'REJECTED'
        ? `Esta factura ya se había rechazado (${rejectedText(saved)}): no se cargó de nuevo.`
        : saved?.duplicate
        ? 'Esta factura ya estaba cargada: no se volvió a sumar stock.'
        : saved?.status === 'CONFIRMED'
          ? ({
            CREDIT_NOTE: 'Nota de crédito confirmada. La mercadería devuelta sale del stock en unos segundos.',
            DEBIT_NOTE: 'Nota de débito confirmada. No mueve stock ni cambia precios.',
          }[saved?.kind] || 'Factura confirmada. El stock y los costos se actualizan en unos segundos.')
          : `Factura guardada: ${INVOICE_STATUS[saved?.status] || saved?.status || 'recibida'}.`;
      replace(result, h('p', { class: `notice ${saved?.status === 'CONFIRMED' ? 'notice-ok' : 'notice-warn'}`, role: 'status', testid: 'inv-saved' }, msg,
        saved?.issues?.length ? h('ul', {}, saved.issues.map((i) => h('li', {}, i))) : null));
      cancel.focus();
    } catch (err) {
      const reasons = err.body?.issues || err.body?.reasons || [];
      replace(errors, h('div', { class: 'notice notice-error' }, err.message, reasons.length ? h('ul', {}, reasons.map((r) => h('li', {}, r))) : null));
      confirm.disabled = false;
      confirm.textContent = 'Confirmar factura';
    }
  });

  const pagesNote = opts.pages && opts.pages.length > 1
    ? h('p', { class: 'muted small', testid: 'inv-pages' }, `Factura de ${opts.pages.length} páginas; se muestra la primera.`)
    : null;
  const image = tools ? tools.el : url
    ? (opts.file.type === 'application/pdf'
      ? h('p', {}, h('a', { href: url, target: '_blank', rel: 'noopener' }, `Abrir ${opts.file.name}`))
      : h('div', {}, h('img', { src: url, alt: 'Foto de la factura cargada', testid: 'inv-image' }), pagesNote))
    : h('p', { class: 'muted small' }, inv.source?.kind === 'MANUAL' ? 'Factura cargada a mano.' : 'La imagen original no se muestra acá.');
  replace(host, h('section', { class: 'card invoice-editor', 'aria-label': 'Factura' },
    h('div', { class: 'invoice-split' }, h('div', { class: 'invoice-image' }, image), form)));
  recompute();
  return () => {
    if (url) URL.revokeObjectURL(url);
    if (tools) tools.dispose();
  };
}
