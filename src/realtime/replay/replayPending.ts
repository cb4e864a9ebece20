import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import type { LakemirrorConfig, TargetConfig } from '../../config/configSchema.ts';
import { stoppedTargets } from '../../failover/stopMarker.ts';
import { recordAppliedState } from '../../lease/appliedState.ts';
import { holdTargets } from '../../ondemand/holdTargets.ts';
import type { Runtime } from '../../ondemand/runtime.ts';
import { planOptionsFor, runFilter } from '../../ondemand/scope.ts';
import type { PlanOptions } from '../../plan/plan.ts';
import type { Clock } from '../collect/ports.ts';
import type { EventTable } from '../eventTable/eventTable.ts';
import { applyForUnits, dedupeActions } from './applyPlanned.ts';
import { reconcileBroad } from './broadReconcile.ts';
import { type BreakerVerdict, countChanges, judgeChanges, MIN_CHANGES_TO_TRIP } from './circuitBreaker.ts';
import { markUnits } from './markUnits.ts';
import { planTarget, readSource, type TargetUnitPlan } from './planUnit.ts';
import { recordReplayState } from './recordReplayState.ts';
import { breakerOf, emptyReport, type ReplayReport } from './replayReport.ts';
import { describeFailure, ReplayRun, type RunTarget } from './replayRun.ts';
import { buildUnits, type ReplayUnit } from './units.ts';

export interface ReplayConfig {
  maxAttempts: number;
  /** Mirror deletions (default true in real time). */
  deleteMissing: boolean;
  maxChangePercent: number;
}

/** Pending items taken per replay run; `morePending` in the report says when more are due. */
const PENDING_PER_RUN = 1000;

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
  /** How long to wait for another writer's lease on a target (a sync); default 30 s, then lease.held. */
  waitMs?: number;
  /** Replay into targets a failover stopped too (the failover's own drain). */
  ignoreStopMarkers?: boolean;
}

const REPLAY_WAIT_MS = 30_000;

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
  const runtime = deps.ignoreStopMarkers ? deps.runtime : await withoutStoppedTargets(deps.runtime);
  if (!runtime) return emptyReport(deps.runtime.now(), [], PENDING_PER_RUN, deps.confirm ?? false);
  return replayInto({ ...deps, runtime });
}

/**
 * The runtime without the targets a failover stopped (see failover/stopMarker.ts); undefined when none is
 * left: the items then stay pending, for the failback's direction to ignore and the forward one to resume.
 */
async function withoutStoppedTargets(runtime: Runtime): Promise<Runtime | undefined> {
  const stopped = await stoppedTargets(runtime);
  if (stopped.length === 0) return runtime;
  runtime.output.warn(`replication into ${stopped.join(', ')} is stopped by a failover: not replayed`);
  const targets = runtime.config.targets.filter((t) => !stopped.includes(t.region));
  if (targets.length === 0) return undefined;
  return { ...runtime, config: { ...runtime.config, targets } };
}

async function replayInto(deps: ReplayDeps): Promise<ReplayReport> {
  const { runtime, table } = deps;
  const clock = deps.clock ?? (() => runtime.now().getTime());
  const started = clock();
  const timer = Date.now();
  const confirm = deps.confirm ?? false;
  const limit = PENDING_PER_RUN;
  const items = await table.queryPending({ limit, now: new Date(started) });
  const report = emptyReport(new Date(started), items, limit, confirm);
  if (items.length === 0) {
    await recordReplayState(runtime, table, items, report);
    return finish(report, timer);
  }
  // One writer per target: a replay beside a sync waits for it; refused, its items simply stay pending.
  const held = await holdTargets(runtime, runtime.config.targets, {
    runId: randomUUID(),
    command: 'replay',
    waitMs: deps.waitMs ?? REPLAY_WAIT_MS,
  });
  const run = await ReplayRun.open(runtime);
  try {
    const done = await replayWithRun(deps, run, items, report, { clock, started: timer, confirm });
    // The watermark beside the lease: the targets now hold the source's state as read from this run's start.
    if (done.objects.reconciled > 0)
      for (const target of runtime.config.targets)
        await recordAppliedState(runtime.leases, target.region, {
          realtimeAppliedAt: new Date(started).toISOString(),
        });
    await recordReplayState(runtime, table, items, done);
    return done;
  } finally {
    await run.audit.close();
    await Promise.all(held.map((lease) => lease.release().catch(() => undefined)));
  }
}

async function replayWithRun(
  deps: ReplayDeps,
  run: ReplayRun,
  items: Awaited<ReturnType<ReplayDeps['table']['queryPending']>>,
  report: ReplayReport,
  context: { clock: () => number; started: number; confirm: boolean },
): Promise<ReplayReport> {
  const { runtime, table, config } = deps;
  const { clock, confirm } = context;
  const timer = context.started;
  const units = buildUnits(items);
  runtime.output.phase('replay', `${items.length} events, ${units.length} objects`);
  for (const target of run.targets) if (target.error) for (const unit of units) run.fail(unit, target.error);
  const filter = runFilter(runtime.config);
  const options = (t: TargetConfig): PlanOptions =>
    planOptionsFor(runtime.config, t, filter, { deleteMissing: config.deleteMissing });
  const judge = (counts: Array<{ target: string; planned: number; known: number }>) =>
    judgeChanges(counts, config.maxChangePercent, MIN_CHANGES_TO_TRIP);

  // One broad run for all broad units: the whole lake, or only the databases they name.
  const broad = units.filter((u) => u.scope.kind === 'broad');
  const broadVerdict =
    broad.length > 0 ? await reconcileBroad(run, broad, options, judge, confirm) : undefined;
  if (broadVerdict?.tripped && !confirm) return tripped(report, broadVerdict, run, timer);
  const planned = await planUnits(run, units, options);
  const verdict = judge(
    [...planned].map(([target, plans]) => ({
      target: target.config.region,
      // Counted as applied: an action two reconciles planned (a table's and its partitions') once.
      planned:
        countChanges(dedupeActions(plans.flatMap((p) => p.actions))) +
        plans.reduce((n, p) => n + p.cascade, 0),
      known: plans.reduce((n, p) => n + p.known, 0),
    })),
  );
  report.circuitBreaker = breakerOf(broadVerdict?.tripped ? broadVerdict : verdict, confirm);
  if (report.circuitBreaker.tripped) return tripped(report, verdict, run, timer);

  for (const [target, plans] of planned) await applyForUnits(run, target, plans);
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

function tripped(report: ReplayReport, verdict: BreakerVerdict, run: ReplayRun, timer: number): ReplayReport {
  run.runtime.output.warn(
    `circuit breaker: ${verdict.planned} updates and deletes planned in ${verdict.target}, more than ${verdict.threshold}; nothing applied, events left pending (confirm to apply)`,
  );
  report.circuitBreaker = breakerOf(verdict, false);
  report.targets = run.targets.map((t) => t.tally);
  report.apiCalls = run.apiCalls();
  return finish(report, timer);
}

function finish(report: ReplayReport, timer: number): ReplayReport {
  report.durationMs = Date.now() - timer;
  return report;
}
