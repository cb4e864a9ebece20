import { plural } from '../../model/plural.ts';
import type { VerifyResult } from '../../ondemand/runVerify.ts';
import { renderLeaks } from './leakText.ts';
import { renderTable } from './table.ts';

/** The terminal form of `verify`: per target, in sync or every drifted object with what differs. */
export function renderVerifyResult(result: VerifyResult): string {
  const lines: string[] = [];
  for (const report of result.reports) {
    const title = `${report.source.region} → ${report.target.region} (account ${report.target.accountId})`;
    const drifted = report.drift.length;
    lines.push(report.inSync ? `${title}: in sync` : `${title}: DRIFT (${plural(drifted, 'object')} listed)`);
    const rows = Object.entries(report.countsByKind).map(([kind, c]) => [
      kind,
      c.source,
      c.target,
      c.drifted,
    ]);
    if (rows.length) lines.push(renderTable(['kind', 'source', 'target', 'drifted'], rows));
    for (const item of report.drift.slice(0, 200)) {
      lines.push(
        `  ${item.op === 'create' ? '+' : item.op === 'delete' ? '-' : '~'} ${item.kind} ${item.key}: ${item.summary}`,
      );
      for (const change of item.changes.slice(0, 5)) {
        lines.push(
          `      ${change.path || '(value)'}: source ${JSON.stringify(change.after) ?? 'absent'} · target ${JSON.stringify(change.before) ?? 'absent'}`,
        );
      }
    }
    lines.push(...renderLeaks(report.leaks));
    lines.push('');
  }
  lines.push(result.inSync ? 'All targets are in sync.' : 'Drift found: run `lakemirror sync` to fix it.');
  return lines.join('\n');
}
