// Tiny DOM builder. Text is always inserted as text nodes (never HTML), and
// no inline style attributes are ever set (the page runs under a strict CSP).
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'style') throw new Error('inline styles are not allowed (CSP)');
    if (k === 'class') el.className = v;
    else if (k === 'testid') el.setAttribute('data-testid', v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value' || k === 'checked' || k === 'selected' || k === 'disabled') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function replace(el, ...children) {
  clear(el);
  append(el, children);
  return el;
}

let fieldSeq = 0;
/** A labelled form field: label bound by id, hint announced via aria-describedby (not part of the name). */
export function field(labelText, control, hint) {
  const id = control.id || `f${++fieldSeq}`;
  control.id = id;
  let hintEl = null;
  if (hint) {
    hintEl = h('span', { class: 'field-hint', id: `${id}-hint` }, hint);
    control.setAttribute('aria-describedby', hintEl.id);
  }
  return h('div', { class: 'field' }, h('label', { class: 'field-label', for: id }, labelText), control, hintEl);
}

export function badge(text, tone, testid) {
  return h('span', { class: `badge badge-${tone}`, testid }, text);
}

export function loading(text = 'Cargando…') {
  return h('p', { class: 'muted loading', role: 'status' }, text);
}

export function errorBox(err, testid = 'error') {
  return h('p', { class: 'notice notice-error', role: 'alert', testid }, err?.message || String(err));
}

export function debounce(fn, ms) {
  let t;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
}
