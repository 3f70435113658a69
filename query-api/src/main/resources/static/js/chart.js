// Small wrapper around uPlot (served from the WebJar, loaded as a classic script).
import { h } from './dom.js';
import { ZONE } from './format.js';

const axisDate = new Intl.DateTimeFormat('es-AR', { timeZone: ZONE, day: '2-digit', month: '2-digit', year: '2-digit' });

const UPLOT_SRC = '/webjars/uplot/1.6.30/dist/uPlot.iife.min.js';
let uplotLoading = null;

/** Loads uPlot once, on first use (a same-origin file, allowed by script-src 'self'). */
export function loadUplot() {
  if (window.uPlot) return Promise.resolve(window.uPlot);
  if (!uplotLoading) {
    uplotLoading = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = UPLOT_SRC;
      s.addEventListener('load', () => resolve(window.uPlot));
      s.addEventListener('error', () => { uplotLoading = null; reject(new Error('uPlot no cargó')); });
      document.head.append(s);
    });
  }
  return uplotLoading;
}

/**
 * Draws a time chart into `host` and keeps it as wide as its box.
 * opts: { xs: [unix seconds, or indexes with labels], ys, label, yFormat(v), kind: 'step'|'bars', labels?, ariaLabel }
 * Resolves to a cleanup function.
 */
export async function timeChart(host, opts) {
  host.setAttribute('role', 'img');
  host.setAttribute('aria-label', opts.ariaLabel);
  const U = await loadUplot().catch(() => null);
  if (!U) {
    host.append(h('p', { class: 'muted' }, 'No se pudo cargar el gráfico.'));
    return () => {};
  }
  const css = getComputedStyle(document.documentElement);
  const accent = css.getPropertyValue('--accent').trim() || '#2f6f6a';
  const fill = css.getPropertyValue('--accent-soft').trim() || 'rgba(47,111,106,.15)';
  const fmtX = axisDate;
  const paths = opts.kind === 'bars'
    ? U.paths.bars({ size: [0.6, 48] })
    : U.paths.stepped({ align: 1 });
  const width = () => Math.max(260, host.clientWidth || 600);
  const plot = new U({
    width: width(),
    height: opts.height || 240,
    tzDate: (ts) => U.tzDate(new Date(ts * 1000), ZONE),
    // opts.labels: categorical x (one bar per label, x = index) instead of a time axis
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: opts.labels ? { time: false, range: (u, min, max) => [min - 0.6, max + 0.6] } : { time: true },
      y: {
        range: opts.kind === 'bars'
          ? (u, min, max) => [Math.min(0, min), max > 0 ? max * 1.15 : 1]
          : (u, min, max) => { const pad = Math.max((max - min) * 0.25, Math.abs(max) * 0.05, 1); return [Math.max(0, min - pad), max + pad]; },
      },
    },
    axes: [
      opts.labels
        ? { values: (u, splits) => splits.map((i) => (Number.isInteger(i) ? opts.labels[i] ?? '' : '')), incrs: [1, 2, 3, 6, 12], stroke: '#4a5a5e', grid: { show: false } }
        : { values: (u, splits) => splits.map((s) => fmtX.format(new Date(s * 1000))), space: 64, stroke: '#4a5a5e', grid: { stroke: '#e4e8e6' } },
      { values: (u, splits) => splits.map((v) => opts.yFormat(v)), size: 84, stroke: '#4a5a5e', grid: { stroke: '#e4e8e6' } },
    ],
    series: [
      {},
      { label: opts.label, stroke: accent, width: 2, fill, paths, points: { show: opts.kind !== 'bars', size: 6 }, value: (u, v) => opts.yFormat(v) },
    ],
  }, [opts.xs, opts.ys], host);
  const ro = new ResizeObserver(() => plot.setSize({ width: width(), height: opts.height || 240 }));
  ro.observe(host);
  return () => { ro.disconnect(); plot.destroy(); };
}
