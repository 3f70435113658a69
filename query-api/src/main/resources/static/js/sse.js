// Server-Sent Events over fetch: EventSource cannot send the Authorization header,
// so the stream is read with a ReadableStream reader and parsed by hand.
import { authHeaders, unauthorized } from './api.js';

export function parseSse(onEvent) {
  let buffer = '';
  let event = { type: 'message', data: [], id: null };
  return (chunk) => {
    buffer += chunk;
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = lines.pop();
    for (const line of lines) {
      if (line === '') {
        if (event.data.length) onEvent({ type: event.type, data: event.data.join('\n'), id: event.id });
        event = { type: 'message', data: [], id: event.id };
        continue;
      }
      if (line.startsWith(':')) continue;
      const i = line.indexOf(':');
      const name = i < 0 ? line : line.slice(0, i);
      let value = i < 0 ? '' : line.slice(i + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (name === 'event') event.type = value || 'message';
      else if (name === 'data') event.data.push(value);
      else if (name === 'id') event.id = value;
      else if (name === 'retry' && /^\d+$/.test(value)) onEvent({ type: '__retry', data: Number(value) });
    }
  };
}

/** Keeps one stream open, reconnecting with back-off. Returns { on, stop }. */
export function liveEvents(url, onState) {
  const handlers = new Map();
  let controller = null;
  let stopped = false;
  let retryMs = 3000;
  let lastId = null;
  let timer = null;

  const dispatch = (ev) => {
    if (ev.type === '__retry') { retryMs = ev.data; return; }
    if (ev.id) lastId = ev.id;
    let data = ev.data;
    try { data = JSON.parse(ev.data); } catch { /* plain text payload */ }
    for (const fn of handlers.get(ev.type) || []) fn(data);
    for (const fn of handlers.get('*') || []) fn(ev.type, data);
  };

  async function connect() {
    if (stopped) return;
    controller = new AbortController();
    onState('connecting');
    try {
      const headers = authHeaders({ Accept: 'text/event-stream' });
      if (lastId) headers['Last-Event-ID'] = lastId;
      const res = await fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
      if (res.status === 401) { onState('off'); unauthorized(); return; }
      if (!res.ok || !res.body) throw new Error(`SSE ${res.status}`);
      onState('live');
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      const feed = parseSse(dispatch);
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        feed(value);
      }
    } catch (e) {
      if (stopped || e.name === 'AbortError') return;
    }
    if (!stopped) {
      onState('retrying');
      timer = setTimeout(connect, retryMs);
    }
  }

  connect();
  return {
    on(type, fn) {
      if (!handlers.has(type)) handlers.set(type, new Set());
      handlers.get(type).add(fn);
      return () => handlers.get(type).delete(fn);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      if (controller) controller.abort();
      onState('off');
    },
  };
}
