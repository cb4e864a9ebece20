import type { KindCounts } from '../reportTypes.ts';
import { html, type SafeHtml } from './escapeHtml.ts';

/** Catalog order (design.md), so every report lists kinds the same way; unknown kinds follow, sorted. */
const KIND_ORDER = [
  'database',
  'table',
  'partition',
  'dataCellsFilter',
  'location',
  'lfTag',
  'lfTagAssignment',
  'grant',
  'dataLakeSettings',
];

export function orderedKinds(kinds: Iterable<string>): string[] {
  const rank = (k: string) => {
    const i = KIND_ORDER.indexOf(k);
    return i === -1 ? KIND_ORDER.length : i;
  };
  return [...kinds].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Objects per kind in source and target and how many drifted, with a total row. */
export function renderCountsTable(counts: Record<string, KindCounts>): SafeHtml {
  const kinds = orderedKinds(Object.keys(counts));
  if (kinds.length === 0) return html`<p class="empty">No objects were counted.</p>`;
  const total = { source: 0, target: 0, drifted: 0 };
  for (const k of kinds) {
    const c = counts[k]!;
    total.source += c.source;
    total.target += c.target;
    total.drifted += c.drifted;
  }
  const n = (v: number) => v.toLocaleString('en-US');
  return html`<table class="counts" data-testid="counts-table">
<thead><tr><th scope="col">Kind</th><th scope="col" class="num">Source</th><th scope="col" class="num">Target</th><th scope="col" class="num">Drifted</th></tr></thead>
<tbody>
${kinds.map((k) => {
  const c = counts[k]!;
  return html`<tr${c.drifted > 0 && html` class="drifted"`}><td>${k}</td><td class="num">${n(c.source)}</td><td class="num">${n(c.target)}</td><td class="num">${c.drifted > 0 ? html`<span class="badge fail">${n(c.drifted)}</span>` : '0'}</td></tr>
`;
})}
</tbody>
<tfoot><tr><th scope="row">Total</th><td class="num">${n(total.source)}</td><td class="num">${n(total.target)}</td><td class="num">${n(total.drifted)}</td></tr></tfoot>
</table>`;
}
