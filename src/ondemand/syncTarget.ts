import { applyTargetRun } from '../engine/applyTargetRun.ts';
import { plannedResult, planTargetRun } from '../engine/planTargetRun.ts';
import type { RegionSide } from '../engine/regionSide.ts';
import type { SourceRecords } from '../engine/sourceSnapshot.ts';
import type { TargetRunOptions, TargetRunResult } from '../engine/targetRun.ts';
import { skippedObjects } from './skippedObjects.ts';
import { warnOfUndecidedS3 } from './undecidedWarnings.ts';
import { warnOfViewsOutsideFilter } from './viewWarnings.ts';

export type SyncTargetOptions = TargetRunOptions;
export type SyncTargetResult = TargetRunResult;

/**
 * Makes one target match the source: plans the run (everything but partitions, maxDeletes with partition
 * deletes counted in a read-only pass first; see planTargetRun.ts), stops there for a dry run, takes the
 * safety snapshot when only partitions change, then applies in dependency order (applyTargetRun.ts).
 */
export async function syncTarget(
  target: RegionSide,
  source: SourceRecords,
  given: SyncTargetOptions,
): Promise<SyncTargetResult> {
  const warned = warnOfUndecidedS3(given.plan, given.output, target.region);
  // Source objects left out on purpose: by the planner (S3 Tables, Redshift catalogs) or by the apply (a
  // federated catalog whose connection the target lacks), told as found and listed in the report.
  const skipped = skippedObjects(given.output, target.region);
  const plan = { ...warned, onSkipped: skipped.add };
  const options = { ...given, plan: warnOfViewsOutsideFilter(plan, given.output, target.region) };
  const run = await planTargetRun(target, source, options);
  if (options.dryRun) return { ...plannedResult(run), ...skipped.result() };
  const guard = options.beforeDestructiveApply;
  const changesPartitions = run.partitions.deletes + run.partitions.updates > 0;
  const safety = run.safety ?? (guard && changesPartitions ? await guard(run.read, run.captured) : undefined);
  const result = await applyTargetRun(target, source, { ...run, safety }, options);
  for (const found of result.skipped ?? []) skipped.add(found);
  return { ...result, ...skipped.result() };
}
