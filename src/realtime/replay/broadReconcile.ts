import type { TargetConfig } from '../../config/configSchema.ts';
import { liveSource } from '../../engine/liveSource.ts';
import type { Output } from '../../engine/output.ts';
import { readCatalogRecords } from '../../engine/readCatalogRecords.ts';
import type { RegionSide } from '../../engine/regionSide.ts';
import { runFilter } from '../../engine/scope.ts';
import type { SourceRecords } from '../../engine/sourceSnapshot.ts';
import type { TallyResult } from '../../engine/tally.ts';
import type { SnapshotRecord } from '../../model/records.ts';
import { syncTarget } from '../../ondemand/syncTarget.ts';
import { createCatalogFilter, isDatabaseIncluded, isDatabaseRecord } from '../../plan/filters.ts';
import type { PlanOptions } from '../../plan/plan.ts';
import type { BreakerVerdict, ChangeCount } from './circuitBreaker.ts';
import { describeFailure, type ReplayRun, type RunTarget } from './replayRun.ts';
import { broadDatabases, type ReplayUnit } from './units.ts';

/**
 * The reconcile of an event whose objects CloudTrail did not name (`catalog`): the whole source inside the
 * filters against each target, through on-demand sync's own `syncTarget` — first as a dry run, which is what
 * the circuit breaker judges, then for real when there is anything to do. A database's broad reconcile
 * (`catalog` with a database, e.g. a DeleteDatabase) is the same run narrowed to that database: only its
 * tables are listed, and account-wide objects (LF-Tags, locations, settings, catalog grants) are left alone,
 * unless an `account` unit (the reconcile cycle's) asks for them.
 */
export interface BroadTarget {
  region: string;
  side: RegionSide;
  options: PlanOptions;
  /** Keeps the records the reconcile owns (all, or only those tied to a database when scoped). */
  keep: (record: SnapshotRecord) => boolean;
  /** The target as the dry run read it; nothing writes to it before the apply, which reuses it. */
  targetRead: Promise<SnapshotRecord[]>;
  dryRun: TallyResult;
  count: ChangeCount;
}

const everything = () => true;

/**
 * What a set of broad units reconciles: undefined for the whole lake, else the named databases inside the
 * config's filters (possibly none) and whether the objects tied to no database are compared too.
 */
export function broadScope(
  config: Parameters<typeof runFilter>[0],
  units: readonly ReplayUnit[],
): { databases: string[]; account: boolean } | undefined {
  const scope = broadDatabases(units);
  if (!scope) return undefined;
  const filter = createCatalogFilter(runFilter(config));
  return { ...scope, databases: scope.databases.filter((db) => isDatabaseIncluded(filter, db)) };
}

export function readBroadSource(source: RegionSide, options: PlanOptions): Promise<SourceRecords> {
  return liveSource(source, {
    ...(options.filter ? { filter: options.filter } : {}),
    catalog: options.catalog,
    permissions: options.permissions,
    ...(options.columnStatistics ? { columnStatistics: options.columnStatistics } : {}),
  });
}

/** Changes and target objects of a dry run, in the circuit breaker's units (partitions one by one). */
function countOf(result: TallyResult): ChangeCount {
  let planned = 0;
  let known = 0;
  for (const outcome of Object.values(result.counts)) {
    planned += outcome.updated + outcome.deleted;
    known += outcome.unchanged + outcome.updated + outcome.deleted;
  }
  return { planned, known };
}

/** The target's records inside the options' filter that the reconcile owns. */
const readTarget = (side: RegionSide, options: PlanOptions, keep: BroadTarget['keep']) =>
  readCatalogRecords(side, options).then((records) => records.filter(keep));

export async function planBroad(
  target: TargetConfig,
  side: RegionSide,
  source: SourceRecords,
  options: PlanOptions,
  output: Output,
  keep: BroadTarget['keep'] = everything,
): Promise<BroadTarget> {
  const targetRead = readTarget(side, options, keep);
  const dryRun = await syncTarget(side, source, {
    plan: options,
    maxDeletes: Number.MAX_SAFE_INTEGER,
    dryRun: true,
    output,
    targetRead,
  });
  return { region: target.region, side, options, keep, targetRead, dryRun, count: countOf(dryRun) };
}

/** Applies a broad reconcile; undefined when the dry run found nothing to do. */
export async function applyBroad(
  broad: BroadTarget,
  source: SourceRecords,
  output: Output,
): Promise<TallyResult | undefined> {
  const changes = Object.values(broad.dryRun.counts).some((c) => c.created + c.updated + c.deleted > 0);
  if (!changes) return undefined;
  return syncTarget(broad.side, source, {
    plan: broad.options,
    maxDeletes: Number.MAX_SAFE_INTEGER,
    dryRun: false,
    output,
    targetRead: broad.targetRead,
  });
}

/**
 * The broad reconcile of a replay's broad units, in one run: the whole lake when any is unscoped, else the
 * databases they name. Dry run per target, the breaker on it, then the real sync; a failure fails every unit.
 */
export async function reconcileBroad(
  run: ReplayRun,
  units: readonly ReplayUnit[],
  planOptions: (t: TargetConfig) => PlanOptions,
  judge: (counts: Array<{ target: string; planned: number; known: number }>) => BreakerVerdict,
  confirm: boolean,
): Promise<BreakerVerdict | undefined> {
  const { runtime } = run;
  const fail = (message: string) => {
    for (const unit of units) run.fail(unit, message);
  };
  const scope = broadScope(runtime.config, units);
  if (scope && scope.databases.length === 0 && !scope.account) return undefined;
  // Narrowed to databases, the filter admits only theirs; the account's objects stay only when asked for.
  const keep = scope && !scope.account ? isDatabaseRecord : everything;
  const options = (t: TargetConfig): PlanOptions =>
    scope ? { ...planOptions(t), filter: runFilter(runtime.config, scope.databases) } : planOptions(t);
  try {
    const first = run.open[0];
    if (!first) return undefined;
    const read = await readBroadSource(run.source, options(first.config));
    const source: SourceRecords = { records: read.records.filter(keep), partitions: read.partitions };
    const plans: Array<{ target: RunTarget; broad: BroadTarget }> = [];
    for (const target of run.open) {
      const broad = await planBroad(
        target.config,
        target.side,
        source,
        options(target.config),
        runtime.output,
        keep,
      );
      plans.push({ target, broad });
    }
    const verdict = judge(plans.map((p) => ({ target: p.broad.region, ...p.broad.count })));
    if (verdict.tripped && !confirm) return verdict;
    for (const { target, broad } of plans) {
      const result = await applyBroad(broad, source, runtime.output);
      if (!result) continue;
      run.record(target, result.failures);
      for (const skipped of result.skipped ?? []) run.skip(target.config.region, skipped);
      for (const outcome of Object.values(result.counts)) {
        target.tally.created += outcome.created;
        target.tally.updated += outcome.updated;
        target.tally.deleted += outcome.deleted;
      }
      const failure = result.failures[0];
      if (failure)
        fail(
          `${target.config.region}: ${result.failures.length} actions failed, first ${failure.kind} ${failure.key}: ${failure.error?.message}`,
        );
    }
    return verdict;
  } catch (error) {
    fail(describeFailure(error, 'broad reconcile'));
    return undefined;
  }
}
