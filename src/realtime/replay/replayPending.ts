import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import type { LakemirrorConfig, TargetConfig } from '../../config/configSchema.ts';
import { holdTargets } from '../../engine/holdTargets.ts';
import type { Runtime } from '../../engine/runtime.ts';
import { planOptionsFor, runFilter } from '../../engine/scope.ts';
import { recordAppliedState } from '../../lease/appliedState.ts';
import { stoppedTargets } from '../../lease/stopMarker.ts';
import type { CatalogFilterSpec } from '../../plan/filters.ts';
import type { PlanOptions } from '../../plan/plan.ts';
import type { Clock } from '../collect/ports.ts';
import type { EventStore } from '../eventTable/eventStore.ts';
import type { HeldSummary } from '../eventTable/items.ts';
import { applyForUnits } from './applyPlanned.ts';
import { reconcileBroad } from './broadReconcile.ts';
import { judgeChanges, MIN_CHANGES_TO_TRIP } from './circuitBreaker.ts';
import { holdsOf, markHeld } from './holdUnits.ts';
import {
  breakerConfigHash,
  judgeTargets,
  knownInScope,
  type UnitsVerdict,
  unitChanges,
} from './judgeUnits.ts';
import { markUnits } from './markUnits.ts';
import { clusterOf, heldClusterOf } from './massChange.ts';
import { planTarget, readSource, type TargetUnitPlan } from './planUnit.ts';
import { recordReplayState } from './recordReplayState.ts';
import { breakerOf, emptyReport, type ReplayReport } from './replayReport.ts';
import { describeFailure, ReplayRun, type RunTarget } from './replayRun.ts';
import { countCatalogObjects } from './scopeSize.ts';
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
  table: EventStore;
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
  runtime.output.warn(
    'replay.targetStopped',
    `replication into ${stopped.join(', ')} is stopped by a failover: not replayed`,
  );
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
  const heldConfig = breakerConfigHash(runtime.config);
  // Held items wait for --confirm or another breaker configuration; a confirmed run takes them all.
  const held = confirm ? { all: true as const } : { config: heldConfig };
  const items = await table.queryPending({ limit, now: new Date(started), held });
  const report = emptyReport(new Date(started), items, limit, confirm);
  if (items.length === 0) {
    await recordReplayState(runtime, table, items, report);
    return finish(report, timer);
  }
  // One writer per target: a replay beside a sync waits for it; refused, its items simply stay pending.
  const leases = await holdTargets(runtime, runtime.config.targets, {
    runId: randomUUID(),
    command: 'replay',
    waitMs: deps.waitMs ?? REPLAY_WAIT_MS,
  });
  const run = await ReplayRun.open(runtime);
  try {
    const done = await replayWithRun(deps, run, items, report, {
      clock,
      started: timer,
      confirm,
      heldConfig,
    });
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
    await Promise.all(leases.map((lease) => lease.release().catch(() => undefined)));
  }
}

async function replayWithRun(
  deps: ReplayDeps,
  run: ReplayRun,
  items: Awaited<ReturnType<ReplayDeps['table']['queryPending']>>,
  report: ReplayReport,
  context: { clock: () => number; started: number; confirm: boolean; heldConfig: string },
): Promise<ReplayReport> {
  const { runtime, table, config } = deps;
  const { clock, confirm, heldConfig } = context;
  const units = buildUnits(items);
  runtime.output.phase('replay', `${items.length} events, ${units.length} objects`);
  for (const target of run.targets) if (target.error) for (const unit of units) run.fail(unit, target.error);
  const filter = runFilter(runtime.config);
  const options = (t: TargetConfig): PlanOptions => ({
    ...planOptionsFor(runtime.config, t, filter, { deleteMissing: config.deleteMissing }),
    onSkipped: (skipped) => run.skip(t.region, skipped),
  });
  const judge = (counts: Array<{ target: string; planned: number; known: number }>) =>
    judgeChanges(counts, config.maxChangePercent, MIN_CHANGES_TO_TRIP);

  // Clusters already held under this configuration: their new events wait with them, unplanned.
  const region = runtime.config.source.region;
  const summary = confirm ? undefined : await table.readHeldSummary(region);
  const reasons = new Map<string, string>();
  if (summary?.config === heldConfig)
    for (const cluster of summary.clusters)
      reasons.set(cluster, `held with the mass change of ${cluster} (confirm to apply)`);
  const isHeld = (unit: ReplayUnit) => heldClusterOf(unit.scope, reasons) !== undefined;

  // One broad run for all broad units: the whole lake, or only the databases they name.
  const broad = units.filter((u) => u.scope.kind === 'broad' && !isHeld(u));
  const broadVerdict =
    broad.length > 0 ? await reconcileBroad(run, broad, options, judge, confirm) : undefined;
  const broadHeld = broadVerdict?.tripped === true && !confirm;
  if (broadHeld)
    for (const unit of broad)
      reasons.set(
        clusterOf(unit.scope),
        `reconcile of ${unit.id}: ${broadVerdict.planned} updates/deletes planned in ${broadVerdict.target}, more than ${broadVerdict.threshold}`,
      );
  const planned = await planUnits(
    run,
    units.filter((u) => u.scope.kind !== 'broad' && !isHeld(u)),
    options,
  );
  const judged = await judgePlanned(planned, runtime.config.filters, config.maxChangePercent);
  if (!confirm) for (const hold of judged.held) reasons.set(hold.cluster, hold.reason);
  // The report shows the units' verdict, or the broad reconcile's when only that one tripped.
  const shown = judged.verdict.tripped || !broadVerdict?.tripped ? judged.verdict : broadVerdict;
  report.circuitBreaker = breakerOf(shown, confirm);

  const ranBroad = new Set(broadHeld ? [] : broad);
  const held = units.filter((u) => isHeld(u) && !ranBroad.has(u));
  const heldIds = new Set(held.map((u) => u.id));
  for (const [target, plans] of planned)
    await applyForUnits(
      run,
      target,
      plans.filter((p) => !heldIds.has(p.unit.id)),
    );
  const settled = units.filter((u) => !heldIds.has(u.id));
  await markUnits(table, settled, run.failures, report, { ...config, clock });
  const firstPlans = planned.values().next().value ?? [];
  const actionsOf = (unit: ReplayUnit) => firstPlans.find((p) => p.unit.id === unit.id)?.actions;
  const holds = holdsOf(held, reasons, actionsOf);
  await markHeld(table, holds, report, { config: heldConfig, now: new Date(clock()) });
  if (holds.length > 0) {
    report.circuitBreaker.tripped = true;
    const where = holds.map((h) => `${h.cluster} (${h.units.length} objects)`).join(', ');
    runtime.output.warn(
      'replay.breakerHeld',
      `circuit breaker: mass change held in ${where}; the rest applied (confirm to apply the held changes)`,
    );
  }
  await rememberHeld(table, region, summary, { config: heldConfig, holds, report });
  report.objects = { reconciled: settled.length - run.failures.size, failed: run.failures.size };
  report.targets = run.tallies();
  report.apiCalls = run.apiCalls();
  return finish(report, context.started);
}

/**
 * Judges the planned units target by target. The target's databases and tables are counted only when its
 * plan could trip at all (more changes than the floor), so an ordinary run pays nothing for the count.
 */
async function judgePlanned(
  planned: Planned,
  filters: CatalogFilterSpec | undefined,
  maxChangePercent: number,
): Promise<UnitsVerdict> {
  const perTarget = [];
  for (const [target, plans] of planned) {
    const units = unitChanges(plans);
    const changes = units.reduce((n, u) => n + u.changes, 0);
    const catalog =
      changes > MIN_CHANGES_TO_TRIP && target.side ? await countCatalogObjects(target.side, filters) : 0;
    perTarget.push({ target: target.config.region, known: knownInScope(plans, catalog), units });
  }
  return judgeTargets(perTarget, maxChangePercent);
}

/**
 * Keeps the held clusters for the next runs (so their later events wait with them); rewritten only when
 * the set changes. A run that did not read every open item keeps the clusters it did not see.
 */
async function rememberHeld(
  table: EventStore,
  region: string,
  previous: HeldSummary | undefined,
  run: { config: string; holds: readonly { cluster: string }[]; report: ReplayReport },
): Promise<void> {
  const clusters = new Set(run.holds.map((h) => h.cluster));
  if (run.report.morePending && previous?.config === run.config)
    for (const cluster of previous.clusters) clusters.add(cluster);
  const next = [...clusters].sort();
  const same = previous?.config === run.config && previous.clusters.join('\n') === next.join('\n');
  if (same || (!previous && next.length === 0)) return;
  await table.writeHeldSummary(region, {
    config: run.config,
    clusters: next,
    updatedAt: run.report.startedAt,
  });
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

function finish(report: ReplayReport, timer: number): ReplayReport {
  report.durationMs = Date.now() - timer;
  return report;
}
