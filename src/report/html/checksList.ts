import type { CheckStatus, DrillCheck } from '../reportTypes.ts';
import { html, type SafeHtml } from './escapeHtml.ts';
import { plural } from './format.ts';

/** Failing checks first (they are what the reader must act on), then skipped, then passing. */
const RANK: Record<CheckStatus, number> = { fail: 0, skipped: 1, pass: 2 };
const SYMBOL: Record<CheckStatus, string> = { fail: '✗ FAIL', skipped: '– SKIPPED', pass: '✓ PASS' };

/** The drill's usability checks, each with its detail, its fix when it failed, and its failures. */
export function renderChecksList(checks: readonly DrillCheck[], maxFailures = 20): SafeHtml {
  if (checks.length === 0) return html`<p class="empty">No usability checks were run.</p>`;
  const ordered = checks
    .map((check, i) => ({ check, i }))
    .sort((a, b) => RANK[a.check.status] - RANK[b.check.status] || a.i - b.i)
    .map((x) => x.check);
  return html`<ol class="checks">${ordered.map((c) => item(c, maxFailures))}</ol>`;
}

function item(c: DrillCheck, maxFailures: number): SafeHtml {
  const failures = c.failures ?? [];
  const shown = failures.slice(0, maxFailures);
  return html`<li class="${c.status}" data-testid="check" data-status="${c.status}">
<div class="check-head"><span class="badge ${c.status}">${SYMBOL[c.status]}</span><span class="check-name">${c.name}</span></div>
${c.detail && html`<p>${c.detail}</p>`}
${shown.length > 0 && html`<ul class="failures">${shown.map((f) => html`<li>${f}</li>`)}${failures.length > shown.length && html`<li class="note">…and ${plural(failures.length - shown.length, 'more')}</li>`}</ul>`}
${c.fix && html`<div class="fix"><strong>How to fix:</strong> ${withCode(c.fix)}</div>`}
</li>
`;
}

/** Text with `backticked` commands shown as code; everything else stays escaped text. */
export function withCode(text: string): SafeHtml[] {
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : html`${part}`));
}
