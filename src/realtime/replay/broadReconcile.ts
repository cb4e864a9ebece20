import type { OnApplied } from '../../audit/recordApplied.ts';
import type { TargetConfig } from '../../config/configSchema.ts';
import { liveSource } from '../../ondemand/liveSource.ts';
import type { Output } from '../../ondemand/output.ts';
import type { RegionSide } from '../../ondemand/regionSide.ts';
import type { SourceRecords } from '../../ondemand/syncTarget.ts';
import { syncTarget } from '../../ondemand/syncTarget.ts';
import type { TallyResult } from '../../ondemand/tally.ts';
import type { PlanOptions } from '../../plan/plan.ts';
import type { BreakerVerdict, ChangeCount } from './circuitBreaker.ts';
import { describeFailure, type ReplayRun, type RunTarget } from './replayRun.ts';
import type { ReplayUnit } from './units.ts';

/**
 * The reconcile of an event whose objects CloudTrail did not name (`catalog`): the whole source inside the
 * filters against each target, through on-demand sync's own `syncTarget` — first as a dry run, which is what
 * the circuit breaker judges, then for real when there is anything to do.
 */
export interface BroadTarget {
  region: string;
  side: RegionSide;
  options: PlanOptions;
  dryRun: TallyResult;
  count: ChangeCount;
}

export function readBroadSource(source: RegionSide, options: PlanOptions): Promise<SourceRecords> {
  return liveSource(source, {
    ...(options.filter ? { filter: options.filter } : {}),
    catalog: options.catalog,
    permissions: options.permissions,
  });
}

/** Changes and target objects of a dry run, in the circuit breaker's units (a table's partitions count once). */
function countOf(result: TallyResult): ChangeCount {
  let planned = 0;
  let known = 0;
  for (const [kind, outcome] of Object.entries(result.counts)) {
    if (kind === 'partition') continue;
    planned += outcome.updated + outcome.deleted;
    known += outcome.unchanged + outcome.updated + outcome.deleted;
  }
  const partition = result.counts.partition;
  const tables = new Set(
    result.actions
      .filter((a) => a.kind === 'partition' && a.op !== 'create')
      .map((a) => a.key.slice(0, a.key.indexOf('/'))),
  );
  const partitionChanges = partition ? partition.updated + partition.deleted : 0;
  planned += partitionChanges > 0 ? Math.max(1, tables.size) : 0;
  return { planned, known };
}

export async function planBroad(
  target: TargetConfig,
  side: RegionSide,
  source: SourceRecords,
  options: PlanOptions,
  output: Output,
): Promise<BroadTarget> {
  const dryRun = await syncTarget(side, source, {
    plan: options,
    maxDeletes: Number.MAX_SAFE_INTEGER,
    dryRun: true,
    output,
  });
  return { region: target.region, side, options, dryRun, count: countOf(dryRun) };
}

/** Applies a broad reconcile; undefined when the dry run found nothing to do. */
export async function applyBroad(
  broad: BroadTarget,
  source: SourceRecords,
  output: Output,
  onApplied: OnApplied,
): Promise<TallyResult | undefined> {
  const changes = Object.values(broad.dryRun.counts).some((c) => c.created + c.updated + c.deleted > 0);
  if (!changes) return undefined;
  return syncTarget(broad.side, source, {
    plan: broad.options,
    maxDeletes: Number.MAX_SAFE_INTEGER,
    dryRun: false,
    output,
    onApplied,
  });
}

/** The broad reconcile: dry run per target, the breaker on it, then the real sync. */
export async function reconcileBroad(
  run: ReplayRun,
  unit: ReplayUnit,
  options: (t: TargetConfig) => PlanOptions,
  judge: (counts: Array<{ target: string; planned: number; known: number }>) => BreakerVerdict,
  confirm: boolean,
): Promise<BreakerVerdict | undefined> {
  const { runtime } = run;
  try {
    const first = run.open[0];
    if (!first) return undefined;
    const source = await readBroadSource(run.source, options(first.config));
    const plans: Array<{ target: RunTarget; broad: BroadTarget }> = [];
    for (const target of run.open) {
      const broad = await planBroad(
        target.config,
        target.side,
        source,
        options(target.config),
        runtime.output,
      );
      plans.push({ target, broad });
    }
    const verdict = judge(plans.map((p) => ({ target: p.broad.region, ...p.broad.count })));
    if (verdict.tripped && !confirm) return verdict;
    for (const { target, broad } of plans) {
      const result = await applyBroad(broad, source, runtime.output, run.audited(broad.side));
      if (!result) continue;
      run.record(target, result.failures);
      for (const outcome of Object.values(result.counts)) {
        target.tally.created += outcome.created;
        target.tally.updated += outcome.updated;
        target.tally.deleted += outcome.deleted;
      }
      const failure = result.failures[0];
      if (failure)
        run.fail(
          unit,
          `${target.config.region}: ${result.failures.length} actions failed, first ${failure.kind} ${failure.key}: ${failure.error?.message}`,
        );
    }
    return verdict;
  } catch (error) {
    run.fail(unit, describeFailure(error, 'broad reconcile'));
    return undefined;
  }
}
