import { plural } from '../../model/plural.ts';
import type { VerifyResult } from '../../ondemand/runVerify.ts';
import { renderLeaks } from './leakText.ts';
import { renderTable } from './table.ts';

const MARK = { missingInTarget: '+', different: '~', onlyInTarget: '-' } as const;

/**
 * The terminal form of `verify`: per target, in sync or every drifted object with what differs; per kind the
 * count on each side and per category. Target-only objects are listed after the rest, accepted or not.
 */
export function renderVerifyResult(result: VerifyResult): string {
  const lines: string[] = [];
  for (const report of result.reports) {
    const title = `${report.source.region} → ${report.target.region} (account ${report.target.accountId})`;
    const accepted = report.drift.filter((item) => item.accepted).length;
    const pending = report.drift.length - accepted;
    const acceptedNote = accepted > 0 ? `, ${plural(accepted, 'target-only object')} accepted` : '';
    lines.push(
      report.inSync
        ? `${title}: in sync${acceptedNote}`
        : `${title}: DRIFT (${plural(pending, 'object')} listed)`,
    );
    const rows = Object.entries(report.countsByKind).map(([kind, c]) => [
      kind,
      c.source,
      c.target,
      c.missingInTarget,
      c.different,
      c.onlyInTarget,
    ]);
    if (rows.length)
      lines.push(renderTable(['kind', 'source', 'target', 'missing', 'different', 'target-only'], rows));
    for (const item of report.drift.slice(0, 200)) {
      const status = item.accepted ? ' (accepted)' : '';
      lines.push(`  ${MARK[item.category]} ${item.kind} ${item.key}: ${item.summary}${status}`);
      for (const change of item.changes.slice(0, 5)) {
        lines.push(
          `      ${change.path || '(value)'}: source ${JSON.stringify(change.after) ?? 'absent'} · target ${JSON.stringify(change.before) ?? 'absent'}`,
        );
      }
    }
    lines.push(...renderLeaks(report.leaks));
    lines.push('');
  }
  lines.push(
    result.inSync
      ? 'All targets are in sync.'
      : 'Drift found: `lakemirror sync` creates and updates; objects only in the target go with `deleteMissing: true`, or are accepted with `--ignore-target-only`.',
  );
  return lines.join('\n');
}
