import type { KindCounts } from '../reportTypes.ts';
import { html, type SafeHtml } from './escapeHtml.ts';

/** Catalog order (design.md), so every report lists kinds the same way; unknown kinds follow, sorted. */
const KIND_ORDER = [
  'database',
  'function',
  'table',
  'partitionIndex',
  'tableOptimizer',
  'partition',
  'columnStatistics',
  'dataCellsFilter',
  'location',
  'lfTag',
  'lfTagAssignment',
  'grant',
  'dataLakeSettings',
  'optIn',
];

export function orderedKinds(kinds: Iterable<string>): string[] {
  const rank = (k: string) => {
    const i = KIND_ORDER.indexOf(k);
    return i === -1 ? KIND_ORDER.length : i;
  };
  return [...kinds].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Objects per kind in source and target, and how many are missing, different or only in target; a total row. */
export function renderCountsTable(counts: Record<string, KindCounts>): SafeHtml {
  const kinds = orderedKinds(Object.keys(counts));
  if (kinds.length === 0) return html`<p class="empty">No objects were counted.</p>`;
  const total = { source: 0, target: 0, missingInTarget: 0, different: 0, onlyInTarget: 0 };
  for (const k of kinds) {
    const c = counts[k]!;
    for (const column of Object.keys(total) as Array<keyof typeof total>) total[column] += c[column];
  }
  const n = (v: number) => v.toLocaleString('en-US');
  const drifted = (v: number) =>
    html`<td class="num">${v > 0 ? html`<span class="badge fail">${n(v)}</span>` : '0'}</td>`;
  return html`<table class="counts" data-testid="counts-table">
<thead><tr><th scope="col">Kind</th><th scope="col" class="num">Source</th><th scope="col" class="num">Target</th><th scope="col" class="num">Missing in target</th><th scope="col" class="num">Different</th><th scope="col" class="num">Only in target</th></tr></thead>
<tbody>
${kinds.map((k) => {
  const c = counts[k]!;
  return html`<tr${c.drifted > 0 && html` class="drifted"`}><td>${k}</td><td class="num">${n(c.source)}</td><td class="num">${n(c.target)}</td>${drifted(c.missingInTarget)}${drifted(c.different)}${drifted(c.onlyInTarget)}</tr>
`;
})}
</tbody>
<tfoot><tr><th scope="row">Total</th><td class="num">${n(total.source)}</td><td class="num">${n(total.target)}</td><td class="num">${n(total.missingInTarget)}</td><td class="num">${n(total.different)}</td><td class="num">${n(total.onlyInTarget)}</td></tr></tfoot>
</table>`;
}
