import type { DrillReport } from '../reportTypes.ts';
import { layoutCard } from './card.ts';
import { renderChecksList } from './checksList.ts';
import { html, type SafeHtml } from './escapeHtml.ts';
import { formatDuration, formatMinutes, formatTime, plural } from './format.ts';
import { renderLagChart } from './lagChart.ts';
import { renderPage } from './layout.ts';
import { place, renderTargetSection } from './renderDriftPage.ts';

/**
 * The `drill` result as a self-contained HTML page, read by a person after a DR drill: the verdict and
 * why, RPO and RTO against their limits, the failing checks with their fixes, drift per target, and
 * replication lag over the drill.
 */
export function renderDrillHtml(report: DrillReport): string {
  const verdict = report.verdict === 'pass' ? 'PASS' : 'FAIL';
  const title = `lakemirror DR drill: ${verdict} — ${formatTime(report.generatedAt)}`;
  const source = report.targets[0]?.source;
  const body = html`<h1>Disaster-recovery drill</h1>
<p class="meta"><span>Generated ${formatTime(report.generatedAt)}</span><span>Took ${formatDuration(report.durationMs)}</span>${
    source && html`<span>Source ${place(source)}</span>`
  }<span>${plural(report.targets.length, 'target')}: ${report.targets.map((t) => t.target.region).join(', ') || 'none'}</span></p>
<div class="verdict ${report.verdict}" role="status">
<div class="word" data-testid="verdict">${verdict}</div>
<ul data-testid="verdict-reasons">${reasons(report).map(reason)}</ul>
</div>
${cards(report)}
<h2>Usability checks</h2>
${renderChecksList(report.checks)}
<h2>Drift per target</h2>
${report.targets.length === 0 ? html`<p class="empty">No targets were compared.</p>` : report.targets.map(renderTargetSection)}
<h2>Replication lag</h2>
${renderLagChart(report.lagHistory, { limitSeconds: report.thresholds.maxRpoMinutes * 60 })}`;
  return renderPage(title, body);
}

interface Reason {
  ok: boolean;
  text: string;
}

/** Why the verdict is what it is: what failed first (the reader acts on it), then what held. */
function reasons(r: DrillReport): Reason[] {
  const { maxRpoMinutes, maxRtoMinutes } = r.thresholds;
  const rpo = r.rpo.minutes === null ? 'no change pending' : formatMinutes(r.rpo.minutes);
  const rpoOk = r.rpo.status === 'pass';
  const rtoOk = r.rto.status === 'pass';
  const failed = r.checks.filter((c) => c.status === 'fail').length;
  const passed = r.checks.filter((c) => c.status === 'pass').length;
  const drifting = r.targets.filter((t) => !t.inSync);
  const out: Reason[] = [
    {
      ok: rpoOk,
      text: `RPO ${rpo} ${rpoOk ? 'is within' : 'exceeds'} the ${formatMinutes(maxRpoMinutes)} limit.`,
    },
    {
      ok: rtoOk,
      text: `RTO ${formatMinutes(r.rto.minutes)} ${rtoOk ? 'is within' : 'exceeds'} the ${formatMinutes(maxRtoMinutes)} limit.`,
    },
    failed > 0
      ? { ok: false, text: `${plural(failed, 'usability check')} failed.` }
      : { ok: true, text: `${plural(passed, 'usability check')} passed.` },
    ...drifting.map((t) => ({
      ok: false,
      text: `${t.target.region}: ${plural(t.drift.length, 'object')} drifted${
        t.leaks?.length ? `, ${plural(t.leaks.length, 'reference')} to the source (leak check)` : ''
      }.`,
    })),
  ];
  if (r.targets.length > 0 && drifting.length === 0) out.push({ ok: true, text: 'Every target is in sync.' });
  return [...out.filter((x) => !x.ok), ...out.filter((x) => x.ok)];
}

function reason({ ok, text }: Reason): SafeHtml {
  return html`<li class="${ok ? 'pass' : 'fail'}"><span class="mark" aria-hidden="true">${ok ? '✓' : '✗'}</span>${text}</li>`;
}

function cards(r: DrillReport): SafeHtml {
  const { rpo, rto, thresholds } = r;
  const pending = rpo.oldestPendingChange;
  const drifted = r.targets.reduce((n, t) => n + t.drift.filter((d) => !d.accepted).length, 0);
  const inSync = r.targets.filter((t) => t.inSync).length;
  const count = (s: string) => r.checks.filter((c) => c.status === s).length;
  const driftStatus = r.targets.length === 0 ? undefined : drifted === 0 ? 'pass' : 'fail';
  return html`<div class="cards">
${layoutCard({
  label: 'RPO',
  testId: 'rpo',
  status: rpo.status,
  value: rpo.minutes === null ? 'none pending' : formatMinutes(rpo.minutes),
  sub: html`limit ${formatMinutes(thresholds.maxRpoMinutes)}${
    pending &&
    html`<br>oldest pending: ${pending.eventName} <code>${pending.object}</code> at ${formatTime(pending.eventTime)}`
  }${
    rpo.watermark &&
    html`<br><span data-testid="watermark-bound">watermark bound (not the RPO): ${
      rpo.watermark.minutes === null ? 'none proven yet' : formatMinutes(rpo.watermark.minutes)
    }, by ${rpo.watermark.boundBy}</span>`
  }`,
})}
${layoutCard({
  label: 'RTO',
  testId: 'rto',
  status: rto.status,
  value: formatMinutes(rto.minutes),
  sub: html`limit ${formatMinutes(thresholds.maxRtoMinutes)}<br>${plural(rto.restoredObjects, 'object')} restored into <code>${rto.scratchTarget}</code>`,
})}
${
  rto.failover &&
  layoutCard({
    label: 'Failover RTO',
    testId: 'failover-rto',
    status: rto.status,
    value: formatMinutes(rto.failover.minutes),
    sub: html`restore, then ${rto.failover.steps.map((s) => `${s.name} ${(s.ms / 1000).toFixed(1)} s`).join(', ')}`,
  })
}
${layoutCard({
  label: 'Drift',
  testId: 'drift',
  status: driftStatus,
  value: plural(drifted, 'object'),
  sub: `${inSync} of ${plural(r.targets.length, 'target')} in sync`,
})}
${layoutCard({
  label: 'Checks',
  testId: 'checks',
  status: r.checks.length === 0 ? undefined : count('fail') > 0 ? 'fail' : 'pass',
  value: `${count('pass')} / ${r.checks.length} passed`,
  sub: `${count('fail')} failed · ${count('skipped')} skipped`,
})}
</div>`;
}
