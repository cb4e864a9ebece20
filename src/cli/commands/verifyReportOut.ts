import type { VerifyResult } from '../../ondemand/runVerify.ts';
import { html } from '../../report/html/escapeHtml.ts';
import { formatTime, plural } from '../../report/html/format.ts';
import { renderPage } from '../../report/html/layout.ts';
import { renderDriftHtml, renderTargetSection } from '../../report/html/renderDriftPage.ts';
import { reportFormatFor, writeTextAtomically } from '../../report/writeReport.ts';

/**
 * The drift page of a verify run: the report's own page for one target; for several, one page with the
 * overall verdict and a section per target (one HTML document, not several pasted together).
 */
export function renderVerifyHtml(result: VerifyResult): string {
  const [only] = result.reports;
  if (only && result.reports.length === 1) return renderDriftHtml(only);
  const drifting = result.reports.filter((r) => !r.inSync);
  const source = result.reports[0]?.source.region ?? 'source';
  const generatedAt = result.reports[0]?.generatedAt ?? new Date().toISOString();
  const word = result.inSync ? 'IN SYNC' : 'DRIFT';
  const title = `lakemirror drift ${source} → ${plural(result.reports.length, 'target')}: ${word.toLowerCase()} — ${formatTime(generatedAt)}`;
  const body = html`<h1>Catalog drift: ${source} → ${result.reports.map((r) => r.target.region).join(', ')}</h1>
<p class="meta"><span>Generated ${formatTime(generatedAt)}</span><span>${plural(result.reports.length, 'target')}</span></p>
<div class="verdict ${result.inSync ? 'pass' : 'fail'}" role="status">
<div class="word" data-testid="verdict">${word}</div>
<div>${
    result.inSync
      ? 'Every target matches the source.'
      : html`${drifting.map((r) => `${r.target.region}: ${plural(r.drift.length, 'object')} drifted`).join('; ')}. <code>lakemirror sync</code> would change them as listed below.`
  }</div>
</div>
${result.reports.map(renderTargetSection)}`;
  return renderPage(title, body);
}

/**
 * `verify --out FILE`: the drift page for `.html`/`.htm`, the verify JSON document (the same as
 * `verify --json`) for `.json`. Any other extension is refused; the file is written atomically.
 */
export async function writeVerifyReport(path: string, result: VerifyResult): Promise<void> {
  const text =
    reportFormatFor(path) === 'html'
      ? renderVerifyHtml(result)
      : `${JSON.stringify(verifyDocument(result), null, 2)}\n`;
  await writeTextAtomically(path, text, 0o600);
}

/** The versioned JSON document of a verify run (`verify --json` and `verify --out x.json`). */
export function verifyDocument(result: VerifyResult) {
  return { schemaVersion: 1, kind: 'lakemirror.verify', ...result } as const;
}
