import { settings } from '../api.js';
import { h, field } from '../dom.js';

export function render(main, params, ctx) {
  const ingest = h('input', { type: 'url', value: settings.ingestBase(), testid: 'pref-ingest', spellcheck: 'false', autocomplete: 'off' });
  const msg = h('p', { role: 'status', 'aria-live': 'polite', class: 'small', testid: 'pref-msg' });
  const form = h('form', { class: 'card stack', novalidate: true, testid: 'pref-form' },
    h('h2', {}, 'Servicio de carga'),
    h('p', { class: 'muted small' }, 'Dirección del servicio que lee las facturas y recibe la inflación. Dejalo vacío para usar el valor por defecto: ', h('code', {}, settings.defaultIngestBase())),
    field('Dirección', ingest),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary', testid: 'pref-save' }, 'Guardar')),
    msg);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = ingest.value.trim();
    if (v && !/^https?:\/\/[^/\s]+/.test(v)) { msg.textContent = 'Escribí una dirección completa, por ejemplo http://192.168.0.10:8081'; return; }
    settings.setIngestBase(v);
    ingest.value = settings.ingestBase();
    msg.textContent = 'Guardado.';
  });
  main.append(h('div', { class: 'page-head' }, h('h1', {}, 'Configuración')), form,
    h('p', { class: 'muted small' }, `La sucursal se elige arriba (ahora: ${ctx.branch}).`));
}
