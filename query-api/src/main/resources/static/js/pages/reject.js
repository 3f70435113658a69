// «Rechazar»: takes an invoice out of the review queue, with an optional reason. Final: a
// rejected invoice is never confirmed and moves no stock.
import { h, field } from '../dom.js';
import { ingestPost } from '../api.js';

/** POST /api/invoices/{id}/reject on ingest-ocr; the rejected Invoice back. */
export const rejectInvoice = (invoiceId, reason) =>
  ingestPost(`/api/invoices/${encodeURIComponent(invoiceId)}/reject`, reason ? { reason } : {});

/**
 * The reason prompt: a field and two buttons (a group, not a form, so it may sit inside the
 * editor's form). onRejected(invoice) after the 2xx; onCancel() when the person changes their mind.
 */
export function rejectPrompt(invoiceId, { onRejected, onCancel }) {
  const reason = h('input', {
    testid: 'reject-reason', maxlength: 200, autocomplete: 'off', placeholder: 'Por ejemplo: es de otro local',
  });
  const message = h('p', { class: 'notice notice-error small', role: 'alert', testid: 'reject-error', hidden: true });
  const go = h('button', { type: 'button', class: 'btn btn-danger', testid: 'reject-confirm' }, 'Rechazar factura');
  const cancel = h('button', { type: 'button', class: 'btn', testid: 'reject-cancel', onclick: () => onCancel() }, 'Cancelar');

  async function send() {
    go.disabled = true;
    go.textContent = 'Rechazando…';
    message.hidden = true;
    try {
      onRejected(await rejectInvoice(invoiceId, reason.value.trim()));
    } catch (e) {
      message.textContent = e.message;
      message.hidden = false;
      go.disabled = false;
      go.textContent = 'Rechazar factura';
    }
  }
  go.addEventListener('click', send);
  reason.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); send(); }
    if (e.key === 'Escape') { e.preventDefault(); onCancel(); }
  });

  const box = h('div', { class: 'reject-prompt', role: 'group', 'aria-label': 'Rechazar la factura', testid: 'reject-prompt' },
    h('p', { class: 'small' }, 'La factura sale de la cola de revisión y no mueve stock ni costos. No se puede deshacer.'),
    field('Motivo del rechazo (opcional)', reason),
    h('div', { class: 'actions' }, go, cancel),
    message);
  box.focusReason = () => reason.focus();
  return box;
}

/** The rejection as one line for people: «Rechazada: motivo». */
export const rejectedText = (inv) => (inv.rejectReason ? `Rechazada: ${inv.rejectReason}` : 'Rechazada');
