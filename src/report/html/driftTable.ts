import type { DriftItem, DriftOp, FieldChange } from '../reportTypes.ts';
import { html, type SafeHtml } from './escapeHtml.ts';
import { formatValue, plural } from './format.ts';

/** What each op means for the reader, next to the op itself. */
const OP_MEANING: Record<DriftOp, string> = {
  create: 'missing in target',
  update: 'differs',
  delete: 'only in target',
};

export interface DriftTableOptions {
  /** Rows shown before the rest is summarised (a table with 50,000 drifted partitions stays readable). */
  maxRows?: number;
  /** Field changes shown per row. */
  maxChanges?: number;
  /** Code points per rendered value. */
  maxValueLength?: number;
}

/**
 * One row per drifted object (`data-testid="drift-row"`): kind, key, what sync would do, and each
 * differing field as `path: before → after` with values as JSON, cut to a readable length (the full
 * value is in the tooltip and in the JSON report).
 */
export function renderDriftTable(items: readonly DriftItem[], options: DriftTableOptions = {}): SafeHtml {
  const { maxRows = 500, maxChanges = 12, maxValueLength = 120 } = options;
  if (items.length === 0) {
    return html`<p class="empty" data-testid="drift-empty">No drift: every replicated object matches the source.</p>`;
  }
  const shown = items.slice(0, maxRows);
  return html`<table class="drift">
<thead><tr><th scope="col">Kind</th><th scope="col">Key</th><th scope="col">Sync would</th><th scope="col">What differs</th></tr></thead>
<tbody>
${shown.map((item) => row(item, maxChanges, maxValueLength))}
</tbody>
</table>
${items.length > shown.length && html`<p class="note">${plural(items.length - shown.length, 'more drifted object')} not shown; the JSON report lists them all.</p>`}`;
}

function row(item: DriftItem, maxChanges: number, maxValueLength: number): SafeHtml {
  const changes = item.changes.slice(0, maxChanges);
  const hidden = item.changes.length - changes.length;
  return html`<tr data-testid="drift-row" data-kind="${item.kind}" data-op="${item.op}" data-category="${item.category}">
<td>${item.kind}</td>
<td class="key">${item.key}</td>
<td class="op"><span class="badge ${item.op}">${item.op}</span><div class="muted">${OP_MEANING[item.op] ?? ''}</div>${item.accepted && html`<div class="muted" data-testid="drift-accepted">accepted (--ignore-target-only)</div>`}</td>
<td>${item.summary && html`<div class="summary muted">${item.summary}</div>`}${
    changes.length > 0 &&
    html`<ul class="changes">${changes.map((c) => change(c, maxValueLength))}${hidden > 0 && html`<li class="note">…and ${plural(hidden, 'more field')}</li>`}</ul>`
  }</td>
</tr>
`;
}

function change(c: FieldChange, max: number): SafeHtml {
  return html`<li data-testid="drift-change"><span class="path">${c.path || '(whole object)'}</span>: ${value(c.before, 'before', max)}<span class="arrow" aria-label="changes to">→</span>${value(c.after, 'after', max)}</li>`;
}

function value(v: unknown, side: 'before' | 'after', max: number): SafeHtml {
  const { text, full, truncated } = formatValue(v, max);
  const cls = v === undefined ? `${side} absent` : side;
  return html`<span class="${cls}"${truncated && html` title="${Array.from(full).slice(0, 4000).join('')}"`}>${text}</span>`;
}
