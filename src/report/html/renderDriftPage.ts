import type { AccountRegion, DriftReport } from '../reportTypes.ts';
import { renderCountsTable } from './countsTable.ts';
import { renderDriftTable } from './driftTable.ts';
import { html, type SafeHtml } from './escapeHtml.ts';
import { formatTime, plural } from './format.ts';
import { renderPage } from './layout.ts';
import { renderLeakSection } from './leakTable.ts';

/** `us-west-2 (210987654321)`. */
export function place(at: AccountRegion): string {
  return at.accountId ? `${at.region} (${at.accountId})` : at.region;
}

/**
 * One source → target pair: in-sync badge, objects per kind, and the drifted objects. Used as the whole
 * body of the drift page and once per target on the drill page.
 */
export function renderTargetSection(report: DriftReport): SafeHtml {
  const drifted = report.drift.length;
  const accepted = report.drift.filter((item) => item.accepted).length;
  return html`<section class="target" data-testid="target" data-region="${report.target.region}">
<h3>${place(report.source)} → ${place(report.target)} ${
    report.inSync
      ? html`<span class="badge pass">✓ in sync</span>${accepted > 0 && html` <span class="badge" data-testid="accepted-count">${plural(accepted, 'target-only object')} accepted</span>`}`
      : drifted - accepted > 0
        ? html`<span class="badge fail">✗ ${plural(drifted - accepted, 'object')} drifted</span>`
        : html`<span class="badge fail">✗ ${plural(report.leaks?.length ?? 0, 'reference')} to the source</span>`
  }</h3>
<p class="muted">Compared ${formatTime(report.generatedAt)}.</p>
<h4>Objects per kind</h4>
${renderCountsTable(report.countsByKind)}
${drifted > 0 && html`<h4>Drifted objects</h4>`}
${renderDriftTable(report.drift)}
${renderLeakSection(report.leaks)}
</section>`;
}

/** The `verify` result as a self-contained HTML page. */
export function renderDriftHtml(report: DriftReport): string {
  const drifted = report.drift.filter((item) => !item.accepted).length;
  const word = report.inSync ? 'IN SYNC' : 'DRIFT';
  const title = `lakemirror drift ${report.source.region} → ${report.target.region}: ${
    report.inSync ? 'in sync' : plural(drifted, 'object') + ' drifted'
  } — ${formatTime(report.generatedAt)}`;
  const body = html`<h1>Catalog drift: ${report.source.region} → ${report.target.region}</h1>
<p class="meta"><span>Generated ${formatTime(report.generatedAt)}</span><span>Source ${place(report.source)}</span><span>Target ${place(report.target)}</span></p>
<div class="verdict ${report.inSync ? 'pass' : 'fail'}" role="status">
<div class="word" data-testid="verdict">${word}</div>
<div>${
    report.inSync
      ? 'Every replicated object in the target matches the source.'
      : drifted === 0
        ? `${plural(report.leaks?.length ?? 0, 'reference')} to the source found in the target by the leak check, listed below.`
        : html`${plural(drifted, 'object')} ${drifted === 1 ? 'differs' : 'differ'} between source and target, as listed below: missing in target, different, or only in target (<code>lakemirror sync</code> removes those only with <code>deleteMissing</code>).`
  }</div>
</div>
${renderTargetSection(report)}`;
  return renderPage(title, body);
}
