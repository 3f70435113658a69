// Etiquetas: prices changed since the branch last printed its shelf labels; print the A4 sheet, mark as printed.
import { get, post, qs, download } from '../api.js';
import { h, replace, loading, errorBox, debounce } from '../dom.js';
import { money, dateTime, todayIso } from '../format.js';

export async function render(main, params, ctx) {
  const sinceNote = h('p', { class: 'muted', testid: 'labels-since' });
  const body = h('div', {}, loading());
  const printBtn = h('button', { type: 'button', class: 'btn btn-primary', testid: 'labels-print' }, 'Imprimir etiquetas (PDF)');
  const markBtn = h('button', { type: 'button', class: 'btn', testid: 'labels-mark' }, 'Marcar como impresas');
  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Etiquetas'), h('p', { class: 'muted' }, `Sucursal ${ctx.branch}`)),
    sinceNote,
    h('div', { class: 'actions' }, printBtn, markBtn),
    body);

  let items = [];

  async function load() {
    try {
      const res = await get(`/api/labels${qs({ branch: ctx.branch })}`);
      if (!ctx.isCurrent()) return;
      items = res.items || [];
      sinceNote.textContent = res.since
        ? `Precios que cambiaron desde la última impresión (${dateTime(res.since)}).`
        : 'Todavía no se marcaron etiquetas como impresas en esta sucursal: se listan todos los precios.';
      printBtn.disabled = !items.length;
      markBtn.disabled = !items.length;
      if (!items.length) {
        replace(body, h('p', { class: 'notice notice-ok', testid: 'labels-empty' }, 'No hay etiquetas para cambiar.'));
        return;
      }
      replace(body, h('div', { class: 'table-wrap' }, h('table', { class: 'table', testid: 'labels-table' },
        h('caption', { class: 'visually-hidden' }, 'Productos con precio nuevo, por nombre'),
        h('thead', {}, h('tr', {}, ['Producto', 'Código de barras', 'Precio anterior', 'Precio nuevo', 'Cambió']
          .map((t, i) => h('th', { scope: 'col', class: i === 2 || i === 3 ? 'num' : null }, t)))),
        h('tbody', {}, items.map((l) => h('tr', { testid: `label-${l.sku}` },
          h('td', { 'data-label': 'Producto' }, h('a', { href: `#/producto/${encodeURIComponent(l.sku)}` }, l.name), h('div', { class: 'small muted' }, l.sku)),
          h('td', { 'data-label': 'Código de barras' }, l.ean || '—'),
          h('td', { class: 'num', 'data-label': 'Precio anterior', testid: 'label-old' }, l.previousListPrice == null ? 'nuevo' : money(l.previousListPrice)),
          h('td', { class: 'num', 'data-label': 'Precio nuevo', testid: 'label-new' }, money(l.listPrice) + (l.unit === 'KG' ? ' / kg' : '')),
          h('td', { 'data-label': 'Cambió' }, dateTime(l.changedAt))))))));
    } catch (e) {
      if (ctx.isCurrent()) replace(body, errorBox(e));
    }
  }

  printBtn.addEventListener('click', async () => {
    printBtn.disabled = true;
    try {
      await download(`/api/labels.pdf${qs({ branch: ctx.branch })}`, `etiquetas-${ctx.branch}-${todayIso()}.pdf`, 'application/pdf');
      ctx.toast('Se descargó el PDF de etiquetas. Después de imprimirlas, marcalas como impresas.');
    } catch (e) {
      ctx.toast(e.message, 'error');
    } finally {
      printBtn.disabled = !items.length;
    }
  });

  markBtn.addEventListener('click', async () => {
    markBtn.disabled = true;
    try {
      await post('/api/labels/printed', { branch: ctx.branch });
      ctx.toast('Etiquetas marcadas como impresas.');
      await load();
    } catch (e) {
      ctx.toast(e.message, 'error');
      markBtn.disabled = !items.length;
    }
  });

  await load();
  const off = ctx.events?.on('price', debounce(load, 1000));
  return () => off && off();
}
