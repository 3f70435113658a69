import { get, qs, ingestPost, uploadInvoice, settings } from '../api.js';
import { h, replace, loading, errorBox, badge } from '../dom.js';
import { money, date, INVOICE_STATUS, INVOICE_KIND } from '../format.js';
import { invoiceEditor } from './invoice-editor.js';
import { rejectPrompt } from './reject.js';

const MAX_BYTES = 15 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'application/pdf'];
const MAX_PAGES = 10;
/** A stack waits for a busy reader this many times per file at most (each as long as the server asks). */
const MAX_TRIES = 20;
const MAX_WAIT_S = 60;

export const voucher = (inv) => `${inv.kind && inv.kind !== 'INVOICE' ? `${INVOICE_KIND[inv.kind] || inv.kind} ` : ''}${inv.type || '?'} ${String(inv.pointOfSale ?? '').padStart(5, '0')}-${String(inv.number ?? '').padStart(8, '0')}`;

const isImage = (f) => f.type === 'image/jpeg' || f.type === 'image/png';
const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** Why a file cannot be sent at all, or null. */
function refusal(f) {
  if (!TYPES.includes(f.type)) return 'Ese archivo no es una foto JPG/PNG ni un PDF.';
  if (f.size > MAX_BYTES) return 'El archivo pesa más de 15 MB. Probá con una foto de menor resolución.';
  return null;
}

const confirmPath = (id) => `/api/invoices/${encodeURIComponent(id)}/confirm`;

export async function render(main, [id], ctx) {
  main.append(h('div', { class: 'page-head' }, h('h1', {}, id ? 'Revisar factura' : 'Facturas')));
  if (id) return renderOne(main, decodeURIComponent(id), ctx);

  const work = h('div', { testid: 'invoice-work' });
  let disposeWork = () => {};
  let stackRun = null;
  // rejected here: hidden from the queue at once, whatever the read side still says
  const rejectedHere = new Set();

  const showEditor = (invoice, opts) => {
    disposeWork();
    replace(work);
    disposeWork = invoiceEditor(work, invoice, {
      submit: (inv) => ingestPost('/api/invoices', inv),
      ...opts,
      onDone: () => { disposeWork(); disposeWork = () => {}; replace(work); loadQueue(); },
    });
    work.querySelector('input, select')?.focus();
  };

  /** Reads the photo again turned and cropped, and shows the new reading in the same place. */
  const rereader = (files, opts) => async (t) => {
    const invoice = await uploadInvoice(files, { branch: ctx.branch, preview: true, rotate: t.rotate, crop: t.crop });
    if (!ctx.isCurrent()) return;
    showEditor(invoice, { ...opts, transform: t });
  };

  const file = h('input', {
    type: 'file', id: 'invoice-file', accept: TYPES.join(','), multiple: true, testid: 'invoice-file', class: 'visually-hidden',
  });
  const progress = h('progress', { max: 100, value: 0, testid: 'upload-progress', hidden: true, 'aria-label': 'Progreso de la subida' });
  const upStatus = h('p', { class: 'small', role: 'status', 'aria-live': 'polite', testid: 'upload-status' });
  const choice = h('div', { testid: 'upload-choice' });
  const drop = h('div', { class: 'dropzone', testid: 'dropzone' },
    h('p', { class: 'drop-title' }, 'Arrastrá acá la foto o el PDF de la factura'),
    h('p', { class: 'muted small' }, 'JPG, PNG o PDF, hasta 15 MB. La leemos y te mostramos los datos para que los revises antes de confirmar. ¿Tenés una pila de facturas? Elegilas todas juntas.'),
    file,
    h('label', { for: 'invoice-file', class: 'btn btn-primary', testid: 'invoice-pick' }, 'Elegir archivos'),
    progress, upStatus, choice);

  /** One invoice: a single file, or the photos of its pages in order. Read, then shown to confirm. */
  async function handle(files) {
    replace(choice);
    const bad = files.map(refusal).find(Boolean);
    if (bad) { upStatus.textContent = bad; return; }
    const f = files[0];
    progress.hidden = false;
    progress.value = 0;
    upStatus.textContent = files.length > 1 ? `Subiendo ${files.length} páginas…` : `Subiendo ${f.name}…`;
    drop.classList.add('busy');
    try {
      const invoice = await uploadInvoice(files, {
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
      const opts = { mode: 'new', file: f, pages: files.length > 1 ? files : null };
      if (files.length === 1 && isImage(f)) opts.reread = rereader(files, opts);
      showEditor(invoice, opts);
    } catch (e) {
      upStatus.textContent = e.message;
      progress.hidden = true;
    } finally {
      drop.classList.remove('busy');
      file.value = '';
    }
  }

  /** Several files: a stack of invoices (the usual), or the pages of one. */
  function choose(files) {
    file.value = '';
    if (files.length === 1) { handle(files); return; }
    const pagesAllowed = files.length <= MAX_PAGES && files.every(isImage);
    replace(choice, h('div', { class: 'notice', role: 'group', 'aria-label': 'Qué son estos archivos' },
      h('p', {}, `Elegiste ${files.length} archivos. ¿Son ${files.length} facturas distintas o las páginas de una sola?`),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'btn btn-primary', testid: 'choose-stack', onclick: () => { replace(choice); runStack(files); } },
          `Subir ${files.length} facturas`),
        pagesAllowed
          ? h('button', { type: 'button', class: 'btn', testid: 'choose-pages', onclick: () => handle(files) }, `Son ${files.length} páginas de una factura`)
          : null,
        h('button', { type: 'button', class: 'btn btn-quiet', testid: 'choose-cancel', onclick: () => replace(choice) }, 'Cancelar'))));
    choice.querySelector('button').focus();
  }

  file.addEventListener('change', () => choose([...file.files]));
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const files = [...e.dataTransfer.files];
    if (files.length) choose(files);
  });

  // --- a stack of invoices, sent one by one
  const stack = h('section', { class: 'card', 'aria-labelledby': 'stack-title', testid: 'stack', hidden: true });

  async function runStack(files) {
    if (stackRun) stackRun.stop();
    const run = { stopped: false, stop() { this.stopped = true; } };
    stackRun = run;
    const total = files.length;
    const bar = h('progress', { max: total, value: 0, testid: 'stack-progress', 'aria-label': 'Facturas subidas' });
    const count = h('p', { class: 'stack-count', role: 'status', 'aria-live': 'polite', testid: 'stack-count' }, `0 de ${total}`);
    const summary = h('p', { testid: 'stack-summary', role: 'status' });
    const stopBtn = h('button', { type: 'button', class: 'btn', testid: 'stack-stop', onclick: () => { run.stop(); stopBtn.disabled = true; stopBtn.textContent = 'Deteniendo…'; } }, 'Detener');
    const rows = files.map((f, i) => {
      const state = h('span', { class: 'stack-state', testid: 'stack-state' }, 'En espera');
      const detail = h('span', { class: 'small muted', testid: 'stack-detail' });
      const act = h('span', { class: 'stack-act' });
      const li = h('li', { testid: `stack-row-${i}` }, h('span', { class: 'stack-name' }, f.name), state, detail, act);
      return { f, li, state, detail, act };
    });
    replace(stack,
      h('h2', { id: 'stack-title' }, 'Subida de varias facturas'),
      h('div', { class: 'stack-head' }, bar, count, stopBtn),
      h('ol', { class: 'stack-list', testid: 'stack-list' }, rows.map((r) => r.li)),
      summary);
    stack.hidden = false;
    const tally = { confirmed: 0, review: 0, repeated: 0, failed: 0 };

    for (let i = 0; i < total; i++) {
      const row = rows[i];
      if (run.stopped || !ctx.isCurrent()) {
        rows.slice(i).forEach((r) => replace(r.state, badge('No se subió', 'low')));
        break;
      }
      count.textContent = `${i + 1} de ${total}`;
      const bad = refusal(row.f);
      if (bad) {
        failed(row, bad);
        tally.failed++;
      } else {
        try {
          const invoice = await sendWithRetry(row, run);
          tally[settle(row, invoice)]++;
        } catch (e) {
          failed(row, e.message);
          tally.failed++;
        }
      }
      bar.value = i + 1;
    }
    stopBtn.hidden = true;
    if (stackRun === run) stackRun = null;
    summary.textContent = `Listo: ${[
      [tally.confirmed, 'confirmada', 'confirmadas'],
      [tally.review, 'a revisar', 'a revisar'],
      [tally.repeated, 'ya estaba cargada', 'ya estaban cargadas'],
      [tally.failed, 'con error', 'con error'],
    ].filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`).join(', ') || 'no se subió ninguna'}.`;
    loadQueue();
  }

  /** Sends one file (published, not a preview); a busy reader or broker (503) or a rate limit (429) is waited out as long as it asks. */
  async function sendWithRetry(row, run) {
    for (let attempt = 1; ; attempt++) {
      replace(row.state, 'Subiendo…');
      try {
        return await uploadInvoice(row.f, {
          branch: ctx.branch,
          preview: false,
          onProgress: (x) => { if (x >= 1) replace(row.state, 'Leyendo…'); },
        });
      } catch (e) {
        const later = e.status === 503 || e.status === 429;
        if (!later || attempt >= MAX_TRIES || run.stopped || !ctx.isCurrent()) throw e;
        const wait = Math.min(MAX_WAIT_S, Math.max(1, e.retryAfter || 5));
        replace(row.state, e.code === 'OCR_BUSY'
          ? `Esperando al lector de facturas, que está ocupado: reintento en ${wait} s…`
          : `El servidor pidió esperar: reintento en ${wait} s…`);
        await sleep(wait * 1000);
      }
    }
  }

  function failed(row, message) {
    replace(row.state, badge('Error', 'out'));
    row.detail.textContent = message;
  }

  /** The row's outcome; which tally it counts in. */
  function settle(row, invoice) {
    row.detail.textContent = `${voucher(invoice)} · ${invoice.supplier?.name || invoice.supplier?.cuit || '—'} · ${money(invoice.total)}`;
    if (invoice.duplicate) {
      replace(row.state, badge(`Ya estaba cargada (${(INVOICE_STATUS[invoice.status] || invoice.status).toLowerCase()})`, 'low'));
      return 'repeated';
    }
    if (invoice.status === 'CONFIRMED') {
      replace(row.state, badge('Confirmada', 'ok'));
      return 'confirmed';
    }
    replace(row.state, badge('A revisar', 'review'));
    replace(row.act, h('button', {
      type: 'button', class: 'btn btn-small', testid: 'stack-review',
      onclick: () => reviewFromStack(row, invoice),
    }, 'Revisar'));
    return 'review';
  }

  /** A stacked invoice waiting for review, opened with its photo (which can be turned, cropped and read again). */
  function reviewFromStack(row, invoice) {
    const mark = (saved, text, tone) => {
      if (saved?.status === 'CONFIRMED' || saved?.status === 'REJECTED') {
        replace(row.state, badge(text, tone));
        replace(row.act);
      }
    };
    const opts = {
      mode: 'review',
      file: row.f,
      submit: async (inv) => {
        const saved = await ingestPost(confirmPath(invoice.invoiceId), inv);
        mark(saved, 'Confirmada', 'ok');
        return saved;
      },
      onRejected: (saved) => { rejectedHere.add(invoice.invoiceId); mark(saved, 'Rechazada', 'out'); },
    };
    opts.reread = isImage(row.f) ? rereader([row.f], opts) : null;
    showEditor(invoice, opts);
    work.scrollIntoView({ block: 'start' });
  }

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
      const items = (Array.isArray(res) ? res : (res.items || [])).filter((i) => !rejectedHere.has(i.invoiceId));
      replace(queue, items.length
        ? queueTable(items, (inv) => { rejectedHere.add(inv.invoiceId); loadQueue(); })
        : h('p', { class: 'muted', testid: 'review-empty' }, 'No hay facturas esperando revisión.'));
    } catch (e) {
      replace(queue, errorBox(e));
    }
  }

  const queueNotice = h('div', { role: 'status', 'aria-live': 'polite', testid: 'queue-notice' });
  main.append(
    h('section', { class: 'card', 'aria-labelledby': 'up-title' },
      h('h2', { id: 'up-title' }, 'Cargar facturas'), drop,
      h('p', { class: 'muted small' }, '¿No tenés foto? ', manual),
      h('p', { class: 'muted small' }, `Servicio de carga: ${settings.ingestBase()} (se cambia en Configuración).`)),
    stack,
    work,
    h('section', { class: 'card', 'aria-labelledby': 'queue-title' }, h('h2', { id: 'queue-title' }, 'Para revisar'), queueNotice, queue));

  function queueTable(items, onRejected) {
    const rows = items.map((inv) => {
      const tr = h('tr', { testid: `review-${inv.invoiceId}` },
        h('td', { 'data-label': 'Fecha' }, date(inv.issueDate)),
        h('td', { 'data-label': 'Proveedor' }, inv.supplier?.name || inv.supplier?.cuit || '—'),
        h('td', { 'data-label': 'Comprobante', testid: 'review-voucher' }, voucher(inv)),
        h('td', { class: 'num', 'data-label': 'Total' }, money(inv.total)),
        h('td', { 'data-label': 'Problemas', class: 'small' }, (inv.issues || []).join(' · ') || badge(INVOICE_STATUS[inv.status] || inv.status, 'review')),
        h('td', { class: 'row-actions' },
          h('a', { class: 'btn btn-small', href: `#/facturas/${encodeURIComponent(inv.invoiceId)}`, testid: 'review-open' }, 'Revisar'),
          h('button', {
            type: 'button', class: 'btn btn-small btn-danger-quiet', testid: 'review-reject',
            'aria-label': `Rechazar ${voucher(inv)}`,
            onclick: () => {
              if (tr.nextSibling?.classList.contains('reject-row')) return;
              const row = h('tr', { class: 'reject-row', testid: `reject-row-${inv.invoiceId}` });
              const prompt = rejectPrompt(inv.invoiceId, {
                onCancel: () => { row.remove(); tr.querySelector('[data-testid=review-reject]').focus(); },
                onRejected: (saved) => {
                  row.remove();
                  tr.remove();
                  replace(queueNotice, h('p', { class: 'notice notice-ok', testid: 'queue-rejected' },
                    `${voucher(saved || inv)} rechazada: salió de la cola y no mueve stock.`));
                  onRejected(inv);
                },
              });
              row.append(h('td', { colspan: '6' }, prompt));
              tr.after(row);
              prompt.focusReason();
            },
          }, 'Rechazar')));
      return tr;
    });
    return h('div', { class: 'table-wrap' }, h('table', { class: 'table', testid: 'review-table' },
      h('caption', { class: 'visually-hidden' }, 'Facturas que esperan revisión'),
      h('thead', {}, h('tr', {}, ['Fecha', 'Proveedor', 'Comprobante', 'Total', 'Problemas', ''].map((t, i) =>
        h('th', { scope: 'col', class: i === 3 ? 'num' : null }, t)))),
      h('tbody', {}, rows)));
  }

  await loadQueue();
  const off = ctx.events?.on('invoice', () => loadQueue());
  return () => { if (stackRun) stackRun.stop(); disposeWork(); off && off(); };
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
      submit: (inv) => ingestPost(confirmPath(id), inv),
      onRejected: () => {},
    });
  } catch (e) {
    replace(box, errorBox(e.status === 404 ? new Error('No encontramos esa factura.') : e));
  }
  return () => dispose();
}
