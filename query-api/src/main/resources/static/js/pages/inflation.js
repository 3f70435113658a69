import { get, ingestPost } from '../api.js';
import { h, replace, field, loading, errorBox } from '../dom.js';
import { pct, month, todayIso } from '../format.js';
import { timeChart } from '../chart.js';

export async function render(main, params, ctx) {
  const chartHost = h('div', { class: 'chart', testid: 'inflation-chart' });
  const tableBox = h('div', { testid: 'inflation-list' }, loading());
  const now = todayIso().slice(0, 7);

  const monthIn = h('input', { type: 'month', required: true, testid: 'inflation-month', value: now });
  const rateIn = h('input', { type: 'number', step: '0.01', min: '-50', max: '100', required: true, testid: 'inflation-rate', inputmode: 'decimal' });
  const sourceIn = h('input', { type: 'text', value: 'INDEC', maxlength: 80, testid: 'inflation-source' });
  const save = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'inflation-save' }, 'Guardar');
  const msg = h('div', { role: 'status', 'aria-live': 'polite', testid: 'inflation-msg' });
  const form = h('form', { class: 'inline-form', novalidate: true, testid: 'inflation-form' },
    field('Mes', monthIn), field('Inflación del mes (%)', rateIn, 'por ejemplo 2,7'), field('Fuente', sourceIn), save);

  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Inflación')),
    h('p', { class: 'muted' }, 'La inflación mensual se usa para actualizar los costos al calcular los precios. Los meses futuros cuentan como estimación.'),
    h('section', { class: 'card', 'aria-labelledby': 'inf-chart' }, h('h2', { id: 'inf-chart' }, 'Inflación mensual'), chartHost),
    h('section', { class: 'card', 'aria-labelledby': 'inf-add' }, h('h2', { id: 'inf-add' }, 'Agregar o corregir un mes'), form, msg),
    h('section', { class: 'card', 'aria-labelledby': 'inf-table' }, h('h2', { id: 'inf-table' }, 'Meses cargados'), tableBox));

  let destroy = () => {};
  async function load() {
    try {
      const res = await get('/api/inflation');
      if (!ctx.isCurrent()) return;
      const items = (res.items || []).slice().sort((a, b) => a.month.localeCompare(b.month));
      destroy();
      replace(chartHost);
      if (items.length) {
        const last = items.slice(-36);
        destroy = await timeChart(chartHost, {
          xs: last.map((i, n) => n),
          labels: last.map((i) => month(i.month)),
          ys: last.map((i) => Number(i.ratePct)),
          label: 'Inflación mensual', yFormat: (v) => pct(Math.round(v * 100) / 100), kind: 'bars',
          ariaLabel: `Inflación mensual de ${month(last[0].month)} a ${month(last.at(-1).month)}; último dato ${pct(last.at(-1).ratePct)}`,
        });
      if (!ctx.isCurrent()) destroy();
      } else {
        chartHost.append(h('p', { class: 'muted' }, 'Todavía no hay meses cargados.'));
      }
      let acc = 1;
      const rows = items.map((i) => { acc *= 1 + Number(i.ratePct) / 100; return { ...i, acc: (acc - 1) * 100 }; }).reverse();
      replace(tableBox, items.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'table', testid: 'inflation-table' },
        h('caption', { class: 'visually-hidden' }, 'Inflación por mes, el más reciente primero'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Mes'), h('th', { scope: 'col', class: 'num' }, 'Inflación'),
          h('th', { scope: 'col', class: 'num' }, 'Acumulada desde el primer mes'), h('th', { scope: 'col' }, 'Fuente'))),
        h('tbody', {}, rows.map((i) => h('tr', { testid: `inflation-${i.month}` },
          h('td', { 'data-label': 'Mes' }, month(i.month), i.month > now ? h('span', { class: 'badge badge-review' }, 'estimación') : null),
          h('td', { class: 'num', 'data-label': 'Inflación' }, pct(i.ratePct)),
          h('td', { class: 'num', 'data-label': 'Acumulada' }, pct(i.acc.toFixed(1))),
          h('td', { 'data-label': 'Fuente' }, i.source || '—')))))) : h('p', { class: 'muted' }, 'Sin datos.'));
    } catch (e) {
      replace(tableBox, errorBox(e));
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    replace(msg);
    const rate = Number(String(rateIn.value).replace(',', '.'));
    if (!/^\d{4}-\d{2}$/.test(monthIn.value)) { monthIn.setAttribute('aria-invalid', 'true'); replace(msg, errorBox(new Error('Elegí el mes.'))); monthIn.focus(); return; }
    if (rateIn.value === '' || !Number.isFinite(rate)) { rateIn.setAttribute('aria-invalid', 'true'); replace(msg, errorBox(new Error('Escribí la inflación del mes en %, por ejemplo 2,7.'))); rateIn.focus(); return; }
    monthIn.removeAttribute('aria-invalid');
    rateIn.removeAttribute('aria-invalid');
    save.disabled = true;
    try {
      await ingestPost('/api/inflation', { month: monthIn.value, ratePct: Math.round(rate * 100) / 100, source: sourceIn.value.trim() || 'manual' });
      replace(msg, h('p', { class: 'notice notice-ok', testid: 'inflation-saved' }, `Guardado ${month(monthIn.value)}: ${pct(rate)}. Los precios se recalculan en unos segundos.`));
      rateIn.value = '';
      setTimeout(() => ctx.isCurrent() && load(), 1500);
    } catch (err) {
      replace(msg, errorBox(err));
    } finally {
      save.disabled = false;
    }
  });

  await load();
  return () => destroy();
}
