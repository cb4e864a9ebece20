import type { Status } from '../reportTypes.ts';
import { html, type SafeHtml } from './escapeHtml.ts';

export interface CardInput {
  label: string;
  testId: string;
  /** Absent when there is nothing to judge (no targets, no checks). */
  status: Status | undefined;
  value: string;
  sub: string | SafeHtml;
}

/** A summary card: label with its status badge, one big value, and the limit or context under it. */
export function layoutCard(c: CardInput): SafeHtml {
  return html`<div class="card${c.status && ` ${c.status}`}" data-testid="card-${c.testId}">
<div class="label"><span>${c.label}</span>${c.status && html`<span class="badge ${c.status}">${c.status === 'pass' ? '✓ PASS' : '✗ FAIL'}</span>`}</div>
<div class="value">${c.value}</div>
<div class="sub">${c.sub}</div>
</div>`;
}
