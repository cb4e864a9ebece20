import type { Runtime } from '../engine/runtime.ts';
import { plural } from '../model/plural.ts';
import { runVerify } from '../ondemand/runVerify.ts';
import { watermarkOf } from '../realtime/index.ts';
import type { DrillCheck, DrillReport, PendingChange } from '../report/reportTypes.ts';
import { s3TablesReplicationChecks } from './checks/s3TablesReplication.ts';
import { dateDrift } from './driftTimes.ts';
import { lagHistory, oldestUnapplied, readEventHistory } from './eventHistory.ts';
import { rpoResult } from './rpo.ts';
import { measureRto, type ScratchOptions } from './scratchRestore.ts';
import { usabilityChecks } from './usabilityChecks.ts';
import { drillVerdict } from './verdict.ts';

export type DrillOptions = ScratchOptions & {
  /** Accept objects only a target holds (listed as accepted); default config `verify.ignoreTargetOnly`. */
  ignoreTargetOnly?: boolean;
};

/**
 * `drill`: a disaster-recovery rehearsal. Verifies every target now; measures RPO (oldest change not yet
 * in the targets, from the real-time event table and from the source times of drifted objects); measures
 * RTO by restoring the latest snapshot into a scratch Region and cleaning it up; checks that each target
 * is usable (data in S3, principals in IAM, resource links resolve). Returns data; nothing is printed.
 */
export async function runDrill(runtime: Runtime, options: DrillOptions): Promise<DrillReport> {
  const started = Date.now();
  const { config, output } = runtime;
  output.phase('drill verify', 'comparing every target with the source');
  const verify = await runVerify(
    runtime,
    options.ignoreTargetOnly === undefined ? {} : { ignoreTargetOnly: options.ignoreTargetOnly },
  );

  output.phase('drill rpo', `reading the event table ${config.realtime.eventTable}`);
  const source = await runtime.source();
  const at = runtime.now();
  const since = new Date(at.getTime() - config.realtime.retentionDays * 86_400_000);
  const history = await readEventHistory(
    runtime.clients(source.region).dynamoDb,
    config.realtime.eventTable,
    since,
  );
  if (!history)
    output.info(
      'drill.noEventTable',
      `no event table ${config.realtime.eventTable}: RPO comes from verify alone`,
    );
  const targetOf = (region: string) => runtime.target(config.targets.find((t) => t.region === region)!);
  const drift = await dateDrift(source, verify.reports, targetOf);
  if (drift.undated.length > 0)
    output.warn(
      'drill.undatedDrift',
      `${plural(drift.undated.length, 'drifted object carries', 'drifted objects carry')} no change time; RPO counts the dated ones`,
    );
  const unapplied = history ? oldestUnapplied(history, at) : undefined;
  const changes: PendingChange[] = [...(unapplied ? [unapplied] : []), ...drift.dated];
  const rpo = rpoResult(changes, drift.undated, at, config.drill.maxRpoMinutes);
  if (history) {
    const watermark = await watermarkOf(runtime);
    const minutes = watermark.ageMs === null ? null : Math.round(watermark.ageMs / 600) / 100;
    rpo.watermark = { ...(watermark.at ? { at: watermark.at } : {}), minutes, boundBy: watermark.boundBy };
  }

  const restore = await measureRto(runtime, options);
  const checks: DrillCheck[] = [...targetSideCheck(drift.targetSide), ...restore.checks];
  for (const target of config.targets) checks.push(...(await usabilityChecks(runtime, target)));
  checks.push(...s3TablesReplicationChecks(verify.reports));

  const parts = { targets: verify.reports, rpo, rto: restore.rto, checks };
  return {
    schemaVersion: 1,
    kind: 'lakemirror.drill',
    generatedAt: runtime.now().toISOString(),
    verdict: drillVerdict(parts),
    durationMs: Date.now() - started,
    thresholds: { maxRpoMinutes: config.drill.maxRpoMinutes, maxRtoMinutes: config.drill.maxRtoMinutes },
    ...parts,
    lagHistory: lagHistory(history ?? [], at),
  };
}

/**
 * Objects changed in a target after the source last changed them: someone wrote to the replica. Not
 * replication lag (RPO leaves them out), but the failover copy differs from the source all the same.
 */
function targetSideCheck(changed: readonly string[]): DrillCheck[] {
  if (changed.length === 0) return [];
  return [
    {
      name: 'target-side changes',
      status: 'fail',
      detail: `${plural(changed.length, 'object')} changed in a target after the source last changed it (not replication lag: RPO leaves them out).`,
      failures: [...changed],
      fix: 'find out who writes to the target; `lakemirror sync` puts the source version back',
    },
  ];
}
