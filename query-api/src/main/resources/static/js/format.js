// Spanish (es-AR) formatting: money, quantities, dates in Buenos Aires time, and labels.
export const ZONE = 'America/Argentina/Buenos_Aires';

const moneyFmt = new Intl.NumberFormat('es-AR', { style: 'currency', currency: 'ARS' });
const numFmt = new Intl.NumberFormat('es-AR', { maximumFractionDigits: 3 });
const oneDecFmt = new Intl.NumberFormat('es-AR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pctFmt = new Intl.NumberFormat('es-AR', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const dateTimeFmt = new Intl.DateTimeFormat('es-AR', {
  timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
const dayFmt = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

const isNum = (v) => v !== null && v !== undefined && v !== '' && Number.isFinite(Number(v));
const DASH = '—';

/** "$ 1.234,56" */
export function money(v) {
  return isNum(v) ? moneyFmt.format(Number(v)) : DASH;
}

/** Quantity with up to 3 decimals; "kg" suffix for products sold by weight. */
export function qty(v, unit) {
  if (!isNum(v)) return DASH;
  const s = numFmt.format(Number(v));
  return unit === 'KG' ? `${s} kg` : s;
}

/** Signed quantity for ledger deltas: "+12", "−3". */
export function signedQty(v, unit) {
  if (!isNum(v)) return DASH;
  const n = Number(v);
  const s = qty(Math.abs(n), unit);
  return n > 0 ? `+${s}` : n < 0 ? `−${s}` : s;
}

export function decimal1(v) {
  return isNum(v) ? oneDecFmt.format(Number(v)) : DASH;
}

/** 21 → "21 %", 4.25 → "4,25 %" */
export function pct(v) {
  return isNum(v) ? `${pctFmt.format(Number(v))} %` : DASH;
}

/** "2025-10-15" → "15/10/2025" (a calendar date, no time zone involved). */
export function date(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : DASH;
}

/** "2025-10" → "10/2025" */
export function month(ym) {
  const m = /^(\d{4})-(\d{2})$/.exec(ym || '');
  return m ? `${m[2]}/${m[1]}` : DASH;
}

/** Instant → "15/10/2025 14:05" in Buenos Aires time. */
export function dateTime(instant) {
  if (!instant) return DASH;
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return DASH;
  const p = Object.fromEntries(dateTimeFmt.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** Today's date in Buenos Aires as YYYY-MM-DD. */
export function todayIso(now = new Date()) {
  return dayFmt.format(now);
}

/** "hace 5 min", "hace 3 h", "hace 2 días" */
export function ago(instant, now = Date.now()) {
  const t = new Date(instant).getTime();
  if (Number.isNaN(t)) return '';
  const min = Math.max(0, Math.round((now - t) / 60000));
  if (min < 1) return 'recién';
  if (min < 60) return `hace ${min} min`;
  const h = Math.round(min / 60);
  if (h < 48) return `hace ${h} h`;
  return `hace ${Math.round(h / 24)} días`;
}

export const STATUS = {
  OK: { label: 'OK', tone: 'ok' },
  LOW: { label: 'BAJO', tone: 'low' },
  OUT: { label: 'SIN STOCK', tone: 'out' },
  NEGATIVE: { label: 'NEGATIVO', tone: 'neg' },
};

export const MOVEMENT = {
  SALE: 'VENTA',
  PURCHASE: 'COMPRA',
  ADJUSTMENT: 'AJUSTE',
  TRANSFER_IN: 'TRANSFERENCIA ENTRADA',
  TRANSFER_OUT: 'TRANSFERENCIA SALIDA',
  PURCHASE_RETURN: 'Devolución a proveedor',
};

export const INVOICE_KIND = { INVOICE: 'Factura', CREDIT_NOTE: 'Nota de crédito', DEBIT_NOTE: 'Nota de débito' };

export const INVOICE_STATUS = { CONFIRMED: 'Confirmada', NEEDS_REVIEW: 'A revisar', REJECTED: 'Rechazada' };

const REASONS = {
  COST: 'Compra con costo nuevo',
  INFLATION: 'Actualización por inflación',
  CATALOG: 'Cambio en el producto (margen o IVA)',
  DAILY: 'Actualización diaria',
};
export function reason(code) {
  if (!code) return DASH;
  return REASONS[code] || code.replaceAll('_', ' ').toLowerCase();
}
