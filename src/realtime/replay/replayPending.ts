import pLimit from 'p-limit';
import type { LakemirrorConfig, TargetConfig } from '../../config/configSchema.ts';
import type { Runtime } from '../../ondemand/runtime.ts';
import { planOptionsFor, runFilter } from '../../ondemand/scope.ts';
import type { PlanOptions } from '../../plan/plan.ts';
import type { Clock } from '../collect/ports.ts';
import type { EventTable } from '../eventTable/eventTable.ts';
import type { EventItem } from '../eventTable/items.ts';
import { applyPlanned } from './applyPlanned.ts';
import { applyBroad, type BroadTarget, planBroad, readBroadSource } from './broadReconcile.ts';
import { type BreakerVerdict, countChanges, judgeChanges, MIN_CHANGES_TO_TRIP } from './circuitBreaker.ts';
import { markUnits } from './markUnits.ts';
import { planTarget, readSource, type TargetUnitPlan } from './planUnit.ts';
import type { ReplayReport } from './replayReport.ts';
import { describeFailure, ReplayRun, type RunTarget } from './replayRun.ts';
import { buildUnits, type ReplayUnit } from './units.ts';

export interface ReplayConfig {
  maxAttempts: number;
  /** Mirror deletions (default true in real time). */
  deleteMissing: boolean;
  maxChangePercent: number;
  /** Pending items taken per run. Default 1000. */
  batchSize?: number;
  /** Retry backoff: base × 2^attempts, capped. Defaults 30 s and 15 min. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** The circuit breaker's absolute floor. Default MIN_CHANGES_TO_TRIP (20). */
  minChangesToTrip?: number;
}

export const replayConfigOf = (config: LakemirrorConfig): ReplayConfig => ({
  maxAttempts: config.realtime.maxAttempts,
  deleteMissing: config.realtime.deleteMissing,
  maxChangePercent: config.realtime.maxChangePercent,
});

export interface ReplayDeps {
  runtime: Runtime;
  table: EventTable;
  config: ReplayConfig;
  /** Milliseconds since the epoch; default the runtime's clock. */
  clock?: Clock;
  /** Apply even when the circuit breaker would trip. */
  confirm?: boolean;
}

type Planned = Map<RunTarget, Array<{ unit: ReplayUnit } & TargetUnitPlan>>;

/**
 * One replay run: takes the due pending items (oldest event first), groups them into reconciles, and for each
 * re-reads the object's current state in the source and in every target, plans it with the on-demand planner
 * and applies the plan with the on-demand appliers — events are triggers, never payloads, so a replay is
 * idempotent and order-insensitive. The circuit breaker judges the whole plan before anything is written.
 * Items are marked applied (conditionally) only after their object converged in every target; a failed object
 * is retried with backoff and given up after maxAttempts, without holding back the others.
 */
export async function replayPending(deps: ReplayDeps): Promise<ReplayReport> {
  const { runtime, table, config } = deps;
  const clock = deps.clock ?? (() => runtime.now().getTime());
  const started = clock();
  const timer = Date.now();
  const limit = config.batchSize ?? 1000;
  const items = await table.queryPending({ limit, now: new Date(started) });
  const report = emptyReport(new Date(started), items, limit, deps.confirm ?? false);
  if (items.length === 0) return finish(report, timer);
  const run = await ReplayRun.open(runtime);
  const units = buildUnits(items);
  runtime.output.phase('replay', `${items.length} events, ${units.length} objects`);
  for (const target of run.targets) if (target.error) for (const unit of units) run.fail(unit, target.error);
  const filter = runFilter(runtime.config);
  const options = (t: TargetConfig): PlanOptions =>
    planOptionsFor(runtime.config, t, filter, { deleteMissing: config.deleteMissing });
  const judge = (counts: Array<{ target: string; planned: number; known: number }>) =>
    judgeChanges(counts, config.maxChangePercent, config.minChangesToTrip ?? MIN_CHANGES_TO_TRIP);

  const broad = units.find((u) => u.scope.kind === 'broad');
  if (broad) {
    const verdict = await reconcileBroad(run, broad, options, judge, deps.confirm ?? false);
    if (verdict?.tripped && !deps.confirm) return tripped(report, verdict, run, timer);
  }
  const planned = await planUnits(run, units, options);
  const verdict = judge(
    [...planned].map(([target, plans]) => ({
      target: target.config.region,
      planned: plans.reduce((n, p) => n + countChanges(p.actions) + p.cascade, 0),
      known: plans.reduce((n, p) => n + p.known, 0),
    })),
  );
  report.circuitBreaker = breakerOf(verdict, deps.confirm ?? false);
  if (report.circuitBreaker.tripped) return tripped(report, verdict, run, timer);

  for (const [target, plans] of planned) {
    const byAction = new Map<string, ReplayUnit[]>();
    for (const { unit, actions } of plans)
      for (const a of actions)
        byAction.set(`${a.kind}|${a.key}`, [...(byAction.get(`${a.kind}|${a.key}`) ?? []), unit]);
    const results = await applyPlanned(
      target.side!,
      plans.flatMap((p) => p.actions),
    );
    run.record(target, results);
    for (const result of results) {
      if (result.ok) continue;
      for (const unit of byAction.get(`${result.kind}|${result.key}`) ?? [])
        run.fail(
          unit,
          `${target.config.region}: ${result.kind} ${result.key}: ${result.error?.code}: ${result.error?.message}`,
        );
    }
  }
  await markUnits(table, units, run.failures, report, { ...config, clock });
  report.objects = { reconciled: units.length - run.failures.size, failed: run.failures.size };
  report.targets = run.targets.map((t) => t.tally);
  report.apiCalls = run.apiCalls();
  return finish(report, timer);
}

/** Reads each unit's source state once, then plans it for every target, a few units at a time. */
async function planUnits(
  run: ReplayRun,
  units: readonly ReplayUnit[],
  options: (t: TargetConfig) => PlanOptions,
): Promise<Planned> {
  const planned: Planned = new Map(run.open.map((t) => [t, []]));
  const limit = pLimit(run.runtime.config.concurrency);
  await Promise.all(
    units
      .filter((u) => u.scope.kind !== 'broad')
      .map((unit) =>
        limit(async () => {
          let source: Awaited<ReturnType<typeof readSource>>;
          try {
            source = await readSource(run.source, unit.scope as Parameters<typeof readSource>[1]);
          } catch (error) {
            run.fail(unit, describeFailure(error, `source ${run.source.region}`));
            return;
          }
          for (const target of run.open) {
            try {
              const plan = await planTarget(target.side, source, options(target.config));
              planned.get(target)!.push({ unit, ...plan });
            } catch (error) {
              run.fail(unit, describeFailure(error, target.config.region));
            }
          }
        }),
      ),
  );
  return planned;
}

/** The broad reconcile: dry run per target, the breaker on it, then the real sync. */
async function reconcileBroad(
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
      const result = await applyBroad(broad, source, runtime.output);
      if (!result) continue;
      run.record(target, result.failures);
      for (const [kind, outcome] of Object.entries(result.counts)) {
        if (kind === 'failed') continue;
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

function emptyReport(
  startedAt: Date,
  items: readonly EventItem[],
  limit: number,
  confirmed: boolean,
): ReplayReport {
  return {
    schemaVersion: 1,
    kind: 'lakemirror.replay',
    startedAt: startedAt.toISOString(),
    durationMs: 0,
    events: { read: items.length, applied: 0, retried: 0, failed: 0, stale: 0 },
    objects: { reconciled: 0, failed: 0 },
    morePending: items.length >= limit,
    lag: { count: 0, maxMs: null, p50Ms: null },
    targets: [],
    apiCalls: { source: { total: 0, reads: 0, writes: 0, byOperation: {} }, targets: {} },
    circuitBreaker: { tripped: false, exceeded: false, planned: 0, threshold: 0, known: 0, confirmed },
    failures: [],
  };
}

function tripped(report: ReplayReport, verdict: BreakerVerdict, run: ReplayRun, timer: number): ReplayReport {
  run.runtime.output.warn(
    `circuit breaker: ${verdict.planned} updates and deletes planned in ${verdict.target}, more than ${verdict.threshold}; nothing applied, events left pending (confirm to apply)`,
  );
  report.circuitBreaker = breakerOf(verdict, false);
  report.targets = run.targets.map((t) => t.tally);
  report.apiCalls = run.apiCalls();
  return finish(report, timer);
}

/** With confirm, a plan over the threshold is applied: `exceeded`, not `tripped`. */
function breakerOf(verdict: BreakerVerdict, confirmed: boolean): ReplayReport['circuitBreaker'] {
  const { tripped: exceeded, planned, threshold, known, target } = verdict;
  return {
    tripped: exceeded && !confirmed,
    exceeded,
    planned,
    threshold,
    known,
    ...(target ? { target } : {}),
    confirmed,
  };
}

function finish(report: ReplayReport, timer: number): ReplayReport {
  report.durationMs = Date.now() - timer;
  return report;
}
