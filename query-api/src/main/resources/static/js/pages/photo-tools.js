// A photo of an invoice on a canvas that the person can turn and crop, then read again.
// The turn and the crop travel to ingest-ocr as `rotate` and `crop` (fractions of the turned
// photo), so the server reads exactly what is shown here.
import { h, replace } from '../dom.js';

const MAX_SIDE = 1000; // canvas pixels on the long side: enough to see, cheap to redraw
const MIN_SIDE = 0.05; // the server refuses a crop under 5 % of a side
const STEPS = 10000; // crops are sent with 4 decimals

const clamp01 = (x) => Math.min(1, Math.max(0, x));

/** A crop turned with the photo, 90° clockwise: what was on the left is now on top. */
export function turnCrop(c) {
  return c && { left: clamp01(1 - (c.top + c.height)), top: c.left, width: c.height, height: c.width };
}

/**
 * The `crop` parameter: "left,top,width,height" with 4 decimals, never past an edge once rounded
 * (integer steps), or null for the whole photo.
 */
export function cropParam(c) {
  if (!c) return null;
  const l = Math.round(clamp01(c.left) * STEPS);
  const t = Math.round(clamp01(c.top) * STEPS);
  const w = Math.min(Math.floor(c.width * STEPS), STEPS - l);
  const ht = Math.min(Math.floor(c.height * STEPS), STEPS - t);
  if (l === 0 && t === 0 && w === STEPS && ht === STEPS) return null;
  return [l, t, w, ht].map((v) => (v / STEPS).toFixed(4)).join(',');
}

/** What the status line says about the photo as it will be read. */
export function describe(rotate, crop) {
  const parts = [];
  if (rotate) parts.push(`girada ${rotate}°`);
  if (crop) parts.push('recortada');
  return parts.length ? `Foto ${parts.join(' y ')}.` : 'Foto tal como se subió.';
}

/**
 * photoTools(file, { transform: { rotate, crop }, reread({ rotate, crop }) → Promise }) →
 * { el, dispose }. `reread` gets the `crop` parameter already formatted; the caller shows the new
 * reading (and disposes these tools).
 */
export function photoTools(file, { transform = {}, reread }) {
  let rotate = transform.rotate || 0;
  let crop = transform.cropBox || null; // fractions of the turned photo
  let draft = null; // the rectangle being dragged
  let cropping = false;
  const url = URL.createObjectURL(file);
  const img = new Image();

  const canvas = h('canvas', { testid: 'inv-image', role: 'img', 'aria-label': 'Foto de la factura cargada', class: 'photo-canvas' });
  const status = h('p', { class: 'small muted', role: 'status', 'aria-live': 'polite', testid: 'photo-transform' });
  const error = h('p', { class: 'notice notice-error small', role: 'alert', testid: 'photo-error', hidden: true });
  const turn = h('button', { type: 'button', class: 'btn btn-small', testid: 'photo-rotate', 'aria-label': 'Girar la foto 90° a la derecha' }, '↻ Girar');
  const cut = h('button', { type: 'button', class: 'btn btn-small', testid: 'photo-crop', 'aria-pressed': 'false' }, '✂ Recortar');
  const uncut = h('button', { type: 'button', class: 'btn btn-small btn-quiet', testid: 'photo-uncrop', hidden: true }, 'Quitar recorte');
  const again = h('button', { type: 'button', class: 'btn btn-small btn-primary', testid: 'photo-reread' }, 'Volver a leer');
  const hint = h('p', { class: 'small muted', hidden: true, testid: 'photo-crop-hint' }, 'Arrastrá sobre la foto para marcar la factura.');

  function say(text) {
    status.textContent = text;
    error.hidden = true;
  }
  function fail(text) {
    error.textContent = text;
    error.hidden = false;
  }

  function draw() {
    if (!img.naturalWidth) return;
    const iw = img.naturalWidth;
    const ih = img.naturalHeight;
    const sideways = rotate === 90 || rotate === 270;
    const scale = Math.min(1, MAX_SIDE / Math.max(iw, ih));
    const w = Math.max(1, Math.round((sideways ? ih : iw) * scale));
    const hgt = Math.max(1, Math.round((sideways ? iw : ih) * scale));
    canvas.width = w;
    canvas.height = hgt;
    const g = canvas.getContext('2d');
    g.save();
    if (rotate === 90) { g.translate(w, 0); g.rotate(Math.PI / 2); }
    if (rotate === 180) { g.translate(w, hgt); g.rotate(Math.PI); }
    if (rotate === 270) { g.translate(0, hgt); g.rotate(-Math.PI / 2); }
    g.drawImage(img, 0, 0, iw * scale, ih * scale);
    g.restore();
    const box = draft || crop;
    if (box) {
      const x = box.left * w;
      const y = box.top * hgt;
      const bw = box.width * w;
      const bh = box.height * hgt;
      g.fillStyle = 'rgba(31, 42, 46, 0.55)';
      g.fillRect(0, 0, w, y);
      g.fillRect(0, y + bh, w, hgt - y - bh);
      g.fillRect(0, y, x, bh);
      g.fillRect(x + bw, y, w - x - bw, bh);
      g.strokeStyle = '#f0b429';
      g.lineWidth = Math.max(2, Math.round(w / 300));
      g.strokeRect(x, y, bw, bh);
    }
  }

  function refresh() {
    uncut.hidden = !crop;
    say(describe(rotate, crop));
    draw();
  }

  function setCropping(on) {
    cropping = on;
    cut.setAttribute('aria-pressed', String(on));
    canvas.classList.toggle('cropping', on);
    hint.hidden = !on;
  }

  const at = (e) => {
    const r = canvas.getBoundingClientRect();
    return { x: clamp01((e.clientX - r.left) / r.width), y: clamp01((e.clientY - r.top) / r.height) };
  };
  let start = null;
  canvas.addEventListener('pointerdown', (e) => {
    if (!cropping) return;
    e.preventDefault();
    canvas.setPointerCapture(e.pointerId);
    start = at(e);
    draft = { left: start.x, top: start.y, width: 0, height: 0 };
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!cropping || !start) return;
    const p = at(e);
    draft = { left: Math.min(start.x, p.x), top: Math.min(start.y, p.y), width: Math.abs(p.x - start.x), height: Math.abs(p.y - start.y) };
    draw();
  });
  canvas.addEventListener('pointerup', () => {
    if (!cropping || !start) return;
    const box = draft;
    start = null;
    draft = null;
    if (box && box.width >= MIN_SIDE && box.height >= MIN_SIDE) {
      crop = box;
      setCropping(false);
      refresh();
    } else {
      draw();
      fail('Marcá un rectángulo más grande: al menos el 5 % del ancho y del alto de la foto.');
    }
  });

  turn.addEventListener('click', () => {
    rotate = (rotate + 90) % 360;
    crop = turnCrop(crop);
    refresh();
  });
  cut.addEventListener('click', () => setCropping(!cropping));
  uncut.addEventListener('click', () => { crop = null; refresh(); });
  again.addEventListener('click', async () => {
    setCropping(false);
    [turn, cut, uncut, again].forEach((b) => { b.disabled = true; });
    say('Leyendo la factura de nuevo…');
    try {
      await reread({ rotate, crop: cropParam(crop), cropBox: crop });
    } catch (e) {
      fail(e.message);
      refresh();
    } finally {
      [turn, cut, uncut, again].forEach((b) => { b.disabled = false; });
    }
  });

  img.addEventListener('load', refresh);
  img.addEventListener('error', () => fail('No se pudo mostrar la foto; igual se puede volver a leer.'));
  img.src = url;

  const el = h('div', { class: 'photo-tools', testid: 'photo-tools' },
    canvas,
    h('div', { class: 'actions photo-actions', role: 'group', 'aria-label': 'Arreglar la foto' }, turn, cut, uncut, again),
    hint, status, error);
  replace(status, describe(rotate, crop));
  return { el, dispose: () => URL.revokeObjectURL(url) };
}
