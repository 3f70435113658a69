import { get, qs, ingestPost, uploadInvoice, settings } from '../api.js';
import { h, replace, loading, errorBox, badge } from '../dom.js';
import { money, date, INVOICE_STATUS, INVOICE_KIND } from '../format.js';
import { invoiceEditor } from './invoice-editor.js';

const MAX_BYTES = 15 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'application/pdf'];

export const voucher = (inv) => `${inv.kind && inv.kind !== 'INVOICE' ? `${INVOICE_KIND[inv.kind] || inv.kind} ` : ''}${inv.type || '?'} ${String(inv.pointOfSale ?? '').padStart(5, '0')}-${String(inv.number ?? '').padStart(8, '0')}`;

export async function render(main, [id], ctx) {
  main.append(h('div', { class: 'page-head' }, h('h1', {}, id ? 'Revisar factura' : 'Facturas')));
  if (id) return renderOne(main, decodeURIComponent(id), ctx);

  const work = h('div', { testid: 'invoice-work' });
  let disposeWork = () => {};
  const showEditor = (invoice, opts) => {
    disposeWork();
    replace(work);
    disposeWork = invoiceEditor(work, invoice, {
      ...opts,
      onDone: () => { disposeWork(); replace(work); loadQueue(); },
      submit: (inv) => ingestPost('/api/invoices', inv),
    });
    work.querySelector('input, select')?.focus();
  };

  const file = h('input', { type: 'file', id: 'invoice-file', accept: TYPES.join(','), testid: 'invoice-file', class: 'visually-hidden' });
  const progress = h('progress', { max: 100, value: 0, testid: 'upload-progress', hidden: true, 'aria-label': 'Progreso de la subida' });
  const upStatus = h('p', { class: 'small', role: 'status', 'aria-live': 'polite', testid: 'upload-status' });
  const drop = h('div', { class: 'dropzone', testid: 'dropzone' },
    h('p', { class: 'drop-title' }, 'Arrastrá acá la foto o el PDF de la factura'),
    h('p', { class: 'muted small' }, 'JPG, PNG o PDF, hasta 15 MB. La leemos y te mostramos los datos para que los revises antes de confirmar.'),
    file,
    h('label', { for: 'invoice-file', class: 'btn btn-primary', testid: 'invoice-pick' }, 'Elegir archivo'),
    progress, upStatus);

  async function handle(f) {
    if (!f) return;
    if (!TYPES.includes(f.type)) { upStatus.textContent = 'Ese archivo no es una foto JPG/PNG ni un PDF.'; return; }
    if (f.size > MAX_BYTES) { upStatus.textContent = 'El archivo pesa más de 15 MB. Probá con una foto de menor resolución.'; return; }
    progress.hidden = false;
    progress.value = 0;
    upStatus.textContent = `Subiendo ${f.name}…`;
    drop.classList.add('busy');
    try {
      const invoice = await uploadInvoice(f, {
        branch: ctx.branch,
        onProgress: (x) => {
          progress.value = Math.round(x * 100);
          if (x >= 1) upStatus.textContent = 'Leyendo la factura…';
        },
      });
      progress.value = 100;
      upStatus.textContent = invoice.status === 'NEEDS_REVIEW'
        ? 'Leída. Hay datos para revisar antes de confirmar.'
        : 'Leída. Revisá los datos y confirmá.';
      showEditor(invoice, { mode: 'new', file: f });
    } catch (e) {
      upStatus.textContent = e.message;
      progress.hidden = true;
    } finally {
      drop.classList.remove('busy');
      file.value = '';
    }
  }

  file.addEventListener('change', () => handle(file.files[0]));
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    handle(e.dataTransfer.files[0]);
  });

  const manual = h('button', {
    type: 'button', class: 'btn', testid: 'invoice-manual',
    onclick: () => showEditor({
      type: 'A', pricesIncludeIva: false, branch: ctx.branch, supplier: {}, otherTaxes: 0,
      lines: [{ sku: null, qty: 1, unitCost: 0, ivaRatePct: 21, lineTotal: 0 }],
    }, { mode: 'new' }),
  }, 'Cargar a mano');

  const queue = h('div', { testid: 'review-queue' }, loading());
  async function loadQueue() {
    try {
      const res = await get(`/api/invoices${qs({ status: 'NEEDS_REVIEW' })}`);
      if (!ctx.isCurrent()) return;
      const items = Array.isArray(res) ? res : (res.items || []);
      replace(queue, items.length ? queueTable(items) : h('p', { class: 'muted', testid: 'review-empty' }, 'No hay facturas esperando revisión.'));
    } catch (e) {
      replace(queue, errorBox(e));
    }
  }

  main.append(
    h('section', { class: 'card', 'aria-labelledby': 'up-title' },
      h('h2', { id: 'up-title' }, 'Cargar una factura'), drop,
      h('p', { class: 'muted small' }, '¿No tenés foto? ', manual),
      h('p', { class: 'muted small' }, `Servicio de carga: ${settings.ingestBase()} (se cambia en Configuración).`)),
    work,
    h('section', { class: 'card', 'aria-labelledby': 'queue-title' }, h('h2', { id: 'queue-title' }, 'Para revisar'), queue));
  await loadQueue();
  const off = ctx.events?.on('invoice', () => loadQueue());
  return () => { disposeWork(); off && off(); };
}

async function renderOne(main, id, ctx) {
  const box = h('div', {}, loading());
  main.append(h('p', { class: 'crumbs' }, h('a', { href: '#/facturas' }, '← Facturas')), box);
  let dispose = () => {};
  try {
    const invoice = await get(`/api/invoices/${encodeURIComponent(id)}`);
    replace(box);
    const review = invoice.status === 'NEEDS_REVIEW';
    dispose = invoiceEditor(box, invoice, {
      mode: review ? 'review' : 'view',
      onDone: () => ctx.navigate('#/facturas'),
      submit: (inv) => ingestPost(`/api/invoices/${encodeURIComponent(id)}/confirm`, inv),
    });
  } catch (e) {
    replace(box, errorBox(e.status === 404 ? new Error('No encontramos esa factura.') : e));
  }
  return () => dispose();
}

function queueTable(items) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'table', testid: 'review-table' },
    h('caption', { class: 'visually-hidden' }, 'Facturas que esperan revisión'),
    h('thead', {}, h('tr', {}, ['Fecha', 'Proveedor', 'Comprobante', 'Total', 'Problemas', ''].map((t, i) =>
      h('th', { scope: 'col', class: i === 3 ? 'num' : null }, t)))),
    h('tbody', {}, items.map((inv) => h('tr', { testid: `review-${inv.invoiceId}` },
      h('td', { 'data-label': 'Fecha' }, date(inv.issueDate)),
      h('td', { 'data-label': 'Proveedor' }, inv.supplier?.name || inv.supplier?.cuit || '—'),
      h('td', { 'data-label': 'Comprobante', testid: 'review-voucher' }, voucher(inv)),
      h('td', { class: 'num', 'data-label': 'Total' }, money(inv.total)),
      h('td', { 'data-label': 'Problemas', class: 'small' }, (inv.issues || []).join(' · ') || badge(INVOICE_STATUS[inv.status] || inv.status, 'review')),
      h('td', {}, h('a', { class: 'btn', href: `#/facturas/${encodeURIComponent(inv.invoiceId)}`, testid: 'review-open' }, 'Revisar')))))));
}
