import type { StatusReport } from './index.ts';
import type { OpenCount } from './watermark/readReplicationStatus.ts';

/** Pure one-screen summary of `lakemirror status` (the JSON is the report itself). */

const age = (ms: number | null) => {
  if (ms === null) return '-';
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 7_200_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
};
const seconds = (ms: number | null) => (ms === null ? '-' : `${(ms / 1000).toFixed(1)} s`);
const open = (name: string, c: OpenCount) => `${name} ${c.count}${c.oldest ? ` (oldest ${c.oldest})` : ''}`;

export function statusSummary(report: StatusReport): string[] {
  const { watermark, events, reconcile, breaker } = report;
  const lines = [`real-time replication from ${report.sourceRegion}, read ${report.readAt}`];
  for (const t of report.targets)
    lines.push(
      `  ${t.region}: replicated through ${t.watermark ?? '(not yet known)'} (age ${age(t.watermarkAgeMs)}, bound by ${watermark.boundBy}); last replay ${t.lastReplay ?? '(none)'}`,
    );
  lines.push(
    `  events: ${open('pending', events.pending)}, ${open('held', events.held)}, ${open('failed', events.failed)}`,
    `  last collect ${report.lastCollect ?? '(none)'}; last reconcile ${reconcile.lastRun ?? '(none)'}, last full reconcile ${reconcile.lastFullAt ?? '(none yet)'}`,
    `  circuit breaker: ${breaker.holding ? `holding ${breaker.clusters.join(', ') || 'a mass change'} — realtime run-once --confirm applies it` : 'nothing held'}`,
  );
  for (const [path, lag] of Object.entries(report.lag))
    if (lag.applied > 0)
      lines.push(
        `  lag by ${path}: p50 ${seconds(lag.p50Ms)}, p99 ${seconds(lag.p99Ms)}, max ${seconds(lag.maxMs)} (${lag.applied} applied)`,
      );
  return lines;
}
