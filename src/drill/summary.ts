import { plural } from '../model/plural.ts';
import { formatMinutes } from '../report/html/format.ts';
import type { DrillReport } from '../report/reportTypes.ts';

const minutes = formatMinutes;
const mark = (ok: boolean) => (ok ? 'ok  ' : 'FAIL');

/**
 * The watermark under the RPO line, labelled as the bound it is: with a reconcile every hour its age can
 * reach two cycles while nothing is pending, so it never decides the RPO nor the verdict.
 */
function watermarkLine(watermark: DrillReport['rpo']['watermark']): string[] {
  if (!watermark) return [];
  if (watermark.minutes === null || !watermark.at)
    return [`       watermark bound: none proven yet (${watermark.boundBy}); not the RPO`];
  return [
    `       watermark bound ${minutes(watermark.minutes)} (by ${watermark.boundBy}): every source change before ${watermark.at} is proven in the targets; an upper bound, not the RPO`,
  ];
}

/** The drill on a terminal: the verdict, then one line each for RPO, RTO, drift and every check. */
export function renderDrillSummary(r: DrillReport): string {
  const { rpo, rto, thresholds } = r;
  const pending = rpo.oldestPendingChange;
  const lines = [
    `DR drill: ${r.verdict === 'pass' ? 'PASS' : 'FAIL'} (${Math.round(r.durationMs / 100) / 10} s)`,
    `  ${mark(rpo.status === 'pass')} RPO ${rpo.minutes === null ? 'none pending' : minutes(rpo.minutes)} (limit ${minutes(thresholds.maxRpoMinutes)})${
      pending ? ` — oldest: ${pending.eventName} ${pending.object} at ${pending.eventTime}` : ''
    }`,
    ...watermarkLine(rpo.watermark),
    `  ${mark(rto.status === 'pass')} RTO ${minutes(rto.minutes)} (limit ${minutes(thresholds.maxRtoMinutes)}) — ${plural(rto.restoredObjects, 'object')} restored into ${rto.scratchTarget}`,
  ];
  for (const t of r.targets) {
    lines.push(
      `  ${mark(t.inSync)} ${t.target.region}: ${t.inSync ? 'in sync' : `${plural(t.drift.length, 'object')} drifted`}`,
    );
    for (const item of t.drift.slice(0, 10))
      lines.push(`         ${item.op} ${item.kind} ${item.key}: ${item.summary}`);
    if (t.drift.length > 10) lines.push(`         … and ${t.drift.length - 10} more (see --out drill.html)`);
    for (const leak of (t.leaks ?? []).slice(0, 10))
      lines.push(`         leak ${leak.kind} ${leak.key} field ${leak.field}: ${leak.reference}`);
  }
  for (const c of r.checks) {
    lines.push(`  ${c.status === 'skipped' ? 'skip' : mark(c.status === 'pass')} ${c.name}`);
    if (c.status !== 'fail') continue;
    for (const f of (c.failures ?? []).slice(0, 5)) lines.push(`         ${f}`);
    if ((c.failures?.length ?? 0) > 5) lines.push(`         … and ${c.failures!.length - 5} more`);
    if (c.fix) lines.push(`         fix: ${c.fix}`);
  }
  return lines.join('\n');
}
