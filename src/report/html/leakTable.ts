import type { LeakItem } from '../reportTypes.ts';
import { html, type SafeHtml } from './escapeHtml.ts';
import { plural } from './format.ts';

const NAMES = {
  sourceBucket: 'source bucket',
  sourceRegion: 'source Region',
  sourceAccount: 'source account',
};

/**
 * The leak check's own section (`data-testid="leak-row"` per finding): references to the source found in the
 * target, apart from the drift table because `sync` may not be what removes them.
 */
export function renderLeakSection(leaks: readonly LeakItem[] | undefined, maxRows = 500): SafeHtml | false {
  if (!leaks || leaks.length === 0) return false;
  const shown = leaks.slice(0, maxRows);
  return html`<h4>Leak check: references to the source</h4>
<table class="leaks">
<thead><tr><th scope="col">Kind</th><th scope="col">Key</th><th scope="col">Field</th><th scope="col">Names</th></tr></thead>
<tbody>
${shown.map(
  (leak) =>
    html`<tr data-testid="leak-row"><td>${leak.kind}</td><td><code>${leak.key}</code></td><td><code>${leak.field}</code></td><td>${NAMES[leak.names]} <code>${leak.reference}</code></td></tr>`,
)}
</tbody>
</table>
${leaks.length > shown.length && html`<p class="note">${plural(leaks.length - shown.length, 'more reference')} not shown; the JSON report lists them all.</p>`}`;
}
