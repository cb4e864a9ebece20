import type { CollectReport } from './collect/collectEvents.ts';
import type { PushTickReport } from './push/pushWatcher.ts';
import type { ReconcileReport } from './reconcile/reconcileStep.ts';
import type { ReplayReport } from './replay/replayReport.ts';

/** Pure one-screen summaries of the real-time reports, for the terminal (the JSON is the report itself). */

const seconds = (ms: number | null) => (ms === null ? '-' : `${(ms / 1000).toFixed(1)} s`);

export function collectSummary(report: CollectReport): string[] {
  const rejected = Object.entries(report.rejected)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([reason, n]) => `${reason} ${n}`);
  return [
    `collected ${report.read} events (${report.pages} LookupEvents pages) from ${report.startTime} to ${report.endTime}${report.firstRun ? ' (first run)' : ''}`,
    `  staged ${report.staged}, duplicates ${report.duplicates}, rejected ${rejected.length ? rejected.join(', ') : 'none'}${report.filteredObjects ? `, objects filtered ${report.filteredObjects}` : ''}`,
    `  checkpoint ${report.checkpoint.current || '(none)'}${report.checkpoint.advanced ? '' : ' (not advanced)'}`,
    ...(report.reconcileStaged
      ? [`  ${report.reconcileStaged} malformed events staged as a reconcile of the whole scope`]
      : []),
    ...(report.historyLost
      ? ["  the checkpoint is older than CloudTrail's 90-day history: every database is reconciled now"]
      : []),
  ];
}

export function reconcileSummary(report: ReconcileReport): string[] {
  const last = Object.entries(report.lastReconciled)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([db, at]) => `${db} ${at}`);
  return [
    `reconcile: ${report.staged.length ? `comparing ${report.account ? 'the objects tied to no database, ' : ''}${report.staged.join(', ')}` : 'nothing due'}; ${report.remaining} of ${report.databases} databases left in the cycle started ${report.cycleStartedAt}${report.deferred ? ` (${report.deferred} due, deferred by the call budget)` : ''}${report.restarted ? ` (new cycle: ${report.restarted})` : ''}`,
    `  last full reconcile ${report.lastFullAt ?? '(none yet)'}; last reconciled: ${last.length ? last.join(', ') : '(none yet)'}`,
  ];
}

export function replaySummary(report: ReplayReport): string[] {
  const { events, lag, circuitBreaker: breaker } = report;
  const lines = [
    `replayed ${events.read} events on ${report.objects.reconciled + report.objects.failed} objects: applied ${events.applied}, failed ${events.failed}, retried ${events.retried}${events.held ? `, held ${events.held}` : ''}${events.stale ? `, already settled ${events.stale}` : ''}; lag max ${seconds(lag.maxMs)}, p50 ${seconds(lag.p50Ms)}`,
  ];
  for (const t of report.targets) {
    const calls = report.apiCalls.targets[t.region];
    lines.push(
      `  ${t.region}: created ${t.created}, updated ${t.updated}, deleted ${t.deleted}, failed ${t.failed}${calls ? ` (${calls.total} API calls)` : ''}${t.error ? ` — ${t.error}` : ''}`,
    );
    for (const skipped of t.skipped ?? [])
      lines.push(`    skipped ${skipped.kind} ${skipped.key}: ${skipped.reason}`);
  }
  if (breaker.tripped)
    lines.push(
      `  circuit breaker tripped: ${breaker.planned} updates/deletes planned in ${breaker.target ?? 'the targets'}, threshold ${breaker.threshold} of ${breaker.known} objects in scope; the mass change is held (${events.held} events), the rest applied — rerun with --confirm to apply it`,
    );
  for (const hold of report.held) {
    const kinds = hold.kinds.map(
      (k) => `${k.kind} ${k.count} (${k.firstKeys.join(', ')}${k.count > k.firstKeys.length ? ', …' : ''})`,
    );
    lines.push(`  held ${hold.cluster}: ${hold.units} objects — ${hold.reason}`);
    if (kinds.length) lines.push(`    ${kinds.join('; ')}`);
  }
  for (const f of report.failures)
    lines.push(`  ${f.status === 'failed' ? 'FAILED' : 'retry'} ${f.object}: ${f.error}`);
  if (report.morePending) lines.push('  more events are pending: run again');
  return lines;
}

export function pushTickSummary(report: PushTickReport): string[] {
  const rejected = Object.entries(report.rejected).map(([reason, n]) => `${reason} ${n}`);
  const lines = [
    `pushed ${report.received} messages: staged ${report.staged}, duplicates ${report.duplicates}, rejected ${rejected.length ? rejected.join(', ') : 'none'}${report.failed ? `, staging failed ${report.failed} (left on the queue)` : ''}`,
  ];
  for (const p of report.poison)
    lines.push(
      `  poison message ${p.messageId} (receive ${p.receiveCount}): ${p.reason}; it goes to the dead-letter queue`,
    );
  if (report.deadLetters > 0)
    lines.push(`  dead-letter queue: ${report.deadLetters} messages (inspect and delete them)`);
  if (report.lookup) lines.push(...collectSummary(report.lookup).map((l) => `  backstop ${l}`));
  if (report.replay) lines.push(...replaySummary(report.replay));
  return lines;
}
