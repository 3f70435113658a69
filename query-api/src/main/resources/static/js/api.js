// HTTP client: bearer token from sessionStorage, 401 → back to the login page,
// server errors {"error","message","field"} turned into Spanish messages.
const TOKEN_KEY = 'almacen.token';
const ROLES_KEY = 'almacen.roles';
const INGEST_KEY = 'almacen.ingestBase';
const BRANCH_KEY = 'almacen.branch';

export class ApiError extends Error {
  constructor(status, message, code, field, body) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
    this.body = body;
  }
}

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  roles: () => JSON.parse(sessionStorage.getItem(ROLES_KEY) || '[]'),
  save(login) {
    sessionStorage.setItem(TOKEN_KEY, login.accessToken);
    sessionStorage.setItem(ROLES_KEY, JSON.stringify(login.roles || []));
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(ROLES_KEY);
  },
};

export const settings = {
  defaultIngestBase: () => `${location.protocol}//${location.hostname}:8081`,
  ingestBase: () => (localStorage.getItem(INGEST_KEY) || settings.defaultIngestBase()).replace(/\/+$/, ''),
  setIngestBase(url) {
    if (url && url.trim()) localStorage.setItem(INGEST_KEY, url.trim());
    else localStorage.removeItem(INGEST_KEY);
  },
  branch: () => localStorage.getItem(BRANCH_KEY) || 'central',
  setBranch(b) { localStorage.setItem(BRANCH_KEY, b); },
};

const listeners = { unauthorized: [] };
export function onUnauthorized(fn) { listeners.unauthorized.push(fn); }
export function unauthorized() {
  session.clear();
  listeners.unauthorized.forEach((fn) => fn());
}

const STATUS_TEXT = {
  400: 'Hay datos inválidos en el pedido.',
  403: 'Tu usuario no tiene permiso para hacer esto.',
  404: 'No encontramos lo que buscás.',
  409: 'Ya existe un registro con esos datos.',
  413: 'El archivo es demasiado grande (máximo 15 MB y 40 megapíxeles).',
  415: 'Formato no admitido: subí una foto JPG o PNG, o un PDF.',
  422: 'No se pudo procesar: revisá los datos.',
  429: 'Demasiados intentos seguidos. Esperá un minuto y probá de nuevo.',
  504: 'El servidor tardó demasiado en responder. Probá de nuevo.',
};

export function errorFrom(status, body) {
  const message = (body && body.message) || STATUS_TEXT[status] || `Error del servidor (${status}).`;
  return new ApiError(status, message, body && body.error, body && body.field, body);
}

export function authHeaders(extra = {}) {
  const t = session.token();
  return t ? { ...extra, Authorization: `Bearer ${t}` } : extra;
}

/** fetch against query-api (same origin) or another base URL; JSON in and out. */
export async function request(path, { method = 'GET', body, file, base = '', headers = {}, raw = false, auth = true } = {}) {
  // every error message comes back in Spanish (CONTRACT: Accept-Language: es)
  const h = { Accept: 'application/json', 'Accept-Language': 'es-AR', ...headers };
  if (body !== undefined) h['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(base + path, {
      method,
      headers: auth ? authHeaders(h) : h,
      body: file !== undefined ? file : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, base
      ? `No se pudo conectar con ${base}. ¿Está funcionando el servicio de carga?`
      : 'No se pudo conectar con el servidor. Revisá la conexión.');
  }
  if (res.status === 401 && auth) {
    unauthorized();
    throw new ApiError(401, 'Tu sesión venció. Ingresá de nuevo.');
  }
  if (raw && res.ok) return res;
  const text = await res.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (!res.ok) throw errorFrom(res.status, data);
  return data;
}

export const get = (path, opts) => request(path, opts);
export const post = (path, body, opts = {}) => request(path, { ...opts, method: 'POST', body });
export const ingestPost = (path, body) => request(path, { method: 'POST', body, base: settings.ingestBase() });
export const ingestPut = (path, body) => request(path, { method: 'PUT', body, base: settings.ingestBase() });
/** A file sent as is (e.g. a CSV) to ingest-ocr; JSON back. */
export const ingestPostFile = (path, file, type) =>
  request(path, { method: 'POST', file, headers: { 'Content-Type': type }, base: settings.ingestBase() });

/** Query string from an object, skipping empty values. */
export function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') u.set(k, v);
  }
  const s = u.toString();
  return s ? `?${s}` : '';
}

/** Downloads a file with the token (a plain link could not send the header). */
export async function download(path, filename, accept = 'text/csv') {
  const res = await request(path, { raw: true, headers: { Accept: accept } });
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * Multipart upload to ingest-ocr with upload progress (fetch cannot report it). `files` is one File,
 * or the pages of one invoice in order (sent as repeated `file` parts). `rotate` (0/90/180/270) and
 * `crop` ("left,top,width,height" fractions) turn and crop the photo before it is read. A refusal
 * carries `retryAfter` (seconds) when the server said when to try again (503).
 */
export function uploadInvoice(files, { branch, preview = true, rotate = 0, crop = null, onProgress } = {}) {
  const list = Array.isArray(files) ? files : [files];
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const base = settings.ingestBase();
    xhr.open('POST', `${base}/api/invoices${qs({ preview: preview ? 'true' : '', rotate: rotate || '', crop })}`);
    const t = session.token();
    if (t) xhr.setRequestHeader('Authorization', `Bearer ${t}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', 'es-AR');
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      let data = null;
      try { data = JSON.parse(xhr.responseText); } catch { data = null; }
      if (xhr.status === 401) { unauthorized(); reject(new ApiError(401, 'Tu sesión venció. Ingresá de nuevo.')); return; }
      if (xhr.status >= 200 && xhr.status < 300) { resolve(data); return; }
      const err = xhr.status === 422 && !(data && data.message)
        ? new ApiError(422, 'No encontramos una factura legible en la imagen. Probá con otra foto o cargala a mano.')
        : errorFrom(xhr.status, data);
      const retryAfter = Number.parseInt(xhr.getResponseHeader('Retry-After') || '', 10);
      if (Number.isFinite(retryAfter)) err.retryAfter = retryAfter;
      reject(err);
    });
    xhr.addEventListener('error', () => reject(new ApiError(0,
      `No se pudo conectar con el servicio de carga (${base}). Revisá la dirección en Configuración.`)));
    xhr.addEventListener('timeout', () => reject(new ApiError(504, STATUS_TEXT[504])));
    const form = new FormData();
    for (const f of list) form.append('file', f, f.name);
    if (branch) form.append('branch', branch);
    xhr.send(form);
  });
}
