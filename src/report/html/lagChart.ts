import type { LagSample } from '../reportTypes.ts';
import { html, type SafeHtml } from './escapeHtml.ts';
import { formatClock, formatSeconds, formatTime, plural } from './format.ts';

export interface LagChartOptions {
  /** Draws a dashed "RPO limit" line at this lag when it falls near the data's range. */
  limitSeconds?: number;
}

const W = 960;
const H = 300;
const M = { left: 70, right: 24, top: 24, bottom: 44 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;

const LAG_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400];
const TIME_STEPS_S = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

/**
 * Replication lag over time as an inline SVG line chart: y = lag (from 0), x = UTC time, gridlines,
 * labelled axes, the peak marked, and the RPO limit when it is in range. No samples → an empty state.
 * The caption says the same in words, for screen readers and for print.
 */
export function renderLagChart(history: readonly LagSample[], options: LagChartOptions = {}): SafeHtml {
  const points = history
    .map((s) => ({ t: Date.parse(s.time), lag: s.lagSeconds }))
    .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.lag))
    .sort((a, b) => a.t - b.t);
  if (points.length === 0) {
    return html`<p class="empty" data-testid="lag-chart-empty">No replication lag samples were recorded during this drill.</p>`;
  }
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const peak = points.reduce((a, b) => (b.lag > a.lag ? b : a));
  const limit = options.limitSeconds;
  const showLimit = limit !== undefined && limit > 0 && limit <= Math.max(peak.lag, 1) * 2;
  const yStep = pickStep(LAG_STEPS, Math.max(peak.lag, showLimit ? limit : 0, 1), 5);
  const yMax = Math.ceil(Math.max(peak.lag, showLimit ? limit : 0, 1) / yStep) * yStep;
  const pad = first.t === last.t ? 30_000 : 0;
  const t0 = first.t - pad;
  const t1 = last.t + pad;
  const x = (t: number) => M.left + ((t - t0) / (t1 - t0)) * PLOT_W;
  const y = (lag: number) => M.top + PLOT_H - (lag / yMax) * PLOT_H;
  const xy = (p: { t: number; lag: number }) => `${x(p.t).toFixed(1)},${y(p.lag).toFixed(1)}`;

  const line = points.map(xy).join(' ');
  const area = `${x(first.t).toFixed(1)},${y(0)} ${line} ${x(last.t).toFixed(1)},${y(0)}`;
  const yTicks = range(0, yMax, yStep);
  const tStep = pickStep(TIME_STEPS_S, (t1 - t0) / 1000, 6) * 1000;
  const xTicks = range(Math.ceil(t0 / tStep) * tStep, t1, tStep);
  const clock = (t: number) =>
    t1 - t0 >= 86_400_000
      ? new Date(t).toISOString().slice(5, 16).replace('T', ' ')
      : formatClock(t, tStep < 60_000);
  const peakLabelX = Math.min(Math.max(x(peak.t), M.left + 60), W - M.right - 60);

  return html`<figure class="chart" data-testid="lag-chart">
<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="lag-title lag-desc">
<title id="lag-title">Replication lag over time</title>
<desc id="lag-desc">${describe(points.length, first.t, last.t, peak, last.lag)}</desc>
${yTicks.map((v) => html`<line class="gridline" x1="${M.left}" x2="${W - M.right}" y1="${y(v)}" y2="${y(v)}"/><text class="tick" x="${M.left - 8}" y="${y(v) + 4}" text-anchor="end">${formatSeconds(v)}</text>`)}
${xTicks.map((t) => html`<line class="axis" x1="${x(t)}" x2="${x(t)}" y1="${M.top + PLOT_H}" y2="${M.top + PLOT_H + 5}"/><text class="tick" x="${x(t)}" y="${M.top + PLOT_H + 20}" text-anchor="middle">${clock(t)}</text>`)}
<line class="axis" x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + PLOT_H}"/>
<line class="axis" x1="${M.left}" x2="${W - M.right}" y1="${M.top + PLOT_H}" y2="${M.top + PLOT_H}"/>
<text class="axis-title" x="16" y="${M.top + PLOT_H / 2}" text-anchor="middle" transform="rotate(-90 16 ${M.top + PLOT_H / 2})">lag</text>
<text class="axis-title" x="${M.left + PLOT_W / 2}" y="${H - 4}" text-anchor="middle">time (UTC)</text>
${showLimit && html`<line class="limit" x1="${M.left}" x2="${W - M.right}" y1="${y(limit)}" y2="${y(limit)}"/>`}
<polygon class="area" points="${area}"/>
<polyline class="line" points="${line}"/>
${points.length <= 60 && points.map((p) => html`<circle class="dot" cx="${x(p.t).toFixed(1)}" cy="${y(p.lag).toFixed(1)}" r="3"/>`)}
<circle class="peak" cx="${x(peak.t).toFixed(1)}" cy="${y(peak.lag).toFixed(1)}" r="5"/>
<text class="tick halo" x="${peakLabelX}" y="${Math.max(y(peak.lag) - 10, 12)}" text-anchor="middle">peak ${formatSeconds(peak.lag)}</text>
${showLimit && html`<text class="limit-label halo" x="${M.left + 8}" y="${y(limit) - 6}">RPO limit ${formatSeconds(limit)}</text>`}
</svg>
<figcaption>${describe(points.length, first.t, last.t, peak, last.lag)}${!showLimit && limit !== undefined && limit > 0 && ` The RPO limit (${formatSeconds(limit)}) is far above this range.`}</figcaption>
</figure>`;
}

function describe(
  n: number,
  from: number,
  to: number,
  peak: { t: number; lag: number },
  latest: number,
): string {
  return (
    `${plural(n, 'sample')} from ${formatTime(new Date(from).toISOString())} to ${formatTime(new Date(to).toISOString())}. ` +
    `Peak lag ${formatSeconds(peak.lag)} at ${formatTime(new Date(peak.t).toISOString())}; latest ${formatSeconds(latest)}.`
  );
}

/** The smallest step from `steps` that cuts `span` into at most `maxTicks` intervals. */
function pickStep(steps: readonly number[], span: number, maxTicks: number): number {
  const step = steps.find((s) => span / s <= maxTicks);
  return step ?? Math.ceil(span / maxTicks);
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to + 1e-9; v += step) out.push(v);
  return out;
}
