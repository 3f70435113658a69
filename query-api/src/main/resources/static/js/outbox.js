// Sales waiting for their 2xx: kept in localStorage (a closed tab or a network cut loses none) and
// re-sent with the same saleId until accepted (ingest counts a saleId once, so a repeat never
// doubles). A final refusal (4xx other than 401/408/429) is kept, marked, for a person to discard.
import { ingestPost, ApiError } from './api.js';

const KEY = 'almacen.outbox';
const MAX_DELAY_MS = 60_000;
const TICK_MS = 2_000;
const listeners = new Set();
let flushing = false;
let timer = null;

function load() {
  try { return JSON.parse(localStorage.getItem(KEY) || '[]'); } catch { return []; }
}

function save(items) {
  localStorage.setItem(KEY, JSON.stringify(items));
  listeners.forEach((fn) => fn(items));
}

function update(saleId, change) {
  save(load().map((e) => (e.sale.saleId === saleId ? { ...e, ...change } : e)).filter((e) => !e.done));
}

/** A saleId from the browser; crypto.randomUUID needs a secure context, so fall back to random bytes. */
export function newSaleId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const outbox = {
  items: load,
  pending: () => load().filter((e) => !e.error).length,
  rejected: () => load().filter((e) => e.error),
  onChange(fn) { listeners.add(fn); return () => listeners.delete(fn); },
  /** Stores the sale first, then tries to send it: the sale is safe before any network call. */
  add(sale) {
    save([...load(), { sale, attempts: 0, nextAt: 0 }]);
    return outbox.flush();
  },
  discard(saleId) { update(saleId, { done: true }); },
  /** Sends every pending sale due now; `now` re-sends all at once (back online, page load). */
  async flush(now = false) {
    if (flushing) return;
    flushing = true;
    try {
      for (const entry of load()) {
        if (entry.error || (!now && entry.nextAt > Date.now())) continue;
        try {
          await ingestPost('/api/sales', entry.sale);
          update(entry.sale.saleId, { done: true });
        } catch (e) {
          const final = e instanceof ApiError && e.status >= 400 && e.status < 500 && ![401, 408, 429].includes(e.status);
          if (final) {
            update(entry.sale.saleId, { error: e.message || `Error ${e.status}` });
          } else {
            const attempts = entry.attempts + 1;
            update(entry.sale.saleId, { attempts, nextAt: Date.now() + Math.min(MAX_DELAY_MS, 1000 * 2 ** attempts) });
            if (e.status === 0) break; // no network: the rest would fail the same way
          }
        }
      }
    } finally {
      flushing = false;
    }
  },
  /** Started once by the shell: on load, on `online`, and on a timer with back-off. */
  start() {
    if (timer) return;
    window.addEventListener('online', () => outbox.flush(true));
    window.addEventListener('storage', (e) => { if (e.key === KEY) listeners.forEach((fn) => fn(load())); });
    timer = setInterval(() => { if (load().length) outbox.flush(); }, TICK_MS);
    outbox.flush(true);
  },
};
