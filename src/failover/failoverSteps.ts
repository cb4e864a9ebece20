import { writeFile } from 'node:fs/promises';
import type { TargetConfig } from '../config/configSchema.ts';
import { readCatalogRecords } from '../engine/readCatalogRecords.ts';
import type { Runtime } from '../engine/runtime.ts';
import { catalogsScope, runFilter } from '../engine/scope.ts';
import { takeSnapshot } from '../engine/takeSnapshot.ts';
import { readReplicationState } from '../lease/replicationState.ts';
import { writeStopMarker } from '../lease/stopMarker.ts';
import { requireTargetRegionStore, targetRegionSnapshotStore } from '../lease/targetRegionStore.ts';
import { LakemirrorError } from '../model/errors.ts';
import { runVerify } from '../ondemand/runVerify.ts';
import { collectOnce, eventTableOf } from '../realtime/index.ts';
import { replayConfigOf, replayPending } from '../realtime/replay/replayPending.ts';
import type { FailoverMode } from './failoverReport.ts';
import { type FailoverRecord, reversedConfig } from './reversedConfig.ts';
import { planLinkRewrites } from './rewriteLinks.ts';
import { rpoBound } from './rpo.ts';

/** What a step answers: a line for the report and the data a rerun needs from it. */
export interface StepResult {
  detail: string;
  data?: Record<string, unknown>;
  /** Not done, not journaled: a rerun tries it again (a hard failover's source that did not answer). */
  deferred?: boolean;
  /** Changes the step made, one audit record each (besides the step's own). */
  records?: Array<{ object: string; detail: string }>;
}

export interface FailoverContext {
  runtime: Runtime;
  target: TargetConfig;
  mode: FailoverMode;
  runId: string;
  startedAt: string;
  force: boolean;
  reversedConfigPath: string;
}

/** Drain rounds before giving up on events that keep arriving. */
const MAX_DRAIN_ROUNDS = 10;

export async function stopReplication(ctx: FailoverContext): Promise<StepResult> {
  await writeStopMarker(ctx.runtime, ctx.target, { runId: ctx.runId, at: ctx.startedAt });
  return {
    detail: `stop marker written in ${ctx.target.region}: watch loops and replays no longer write to it`,
  };
}

/** Soft: collects and replays until a replay finds nothing pending (the stop marker does not hold it back). */
export async function drainPending(ctx: FailoverContext): Promise<StepResult> {
  const { runtime } = ctx;
  const table = eventTableOf(runtime);
  let applied = 0;
  for (let round = 1; round <= MAX_DRAIN_ROUNDS; round += 1) {
    await collectOnce(runtime);
    const report = await replayPending({
      runtime,
      table,
      config: replayConfigOf(runtime.config),
      ignoreStopMarkers: true,
      waitMs: 60_000,
    });
    applied += report.events.applied;
    if (report.circuitBreaker.tripped)
      throw new LakemirrorError({
        code: 'failover.breakerTripped',
        source: 'user',
        object: `target ${ctx.target.region}`,
        message: `draining the pending events tripped the circuit breaker (${report.circuitBreaker.planned} changes planned): nothing applied`,
        fix: 'look at what changed in the source; replay it with `lakemirror realtime replay --confirm`, then run failover again',
      });
    if (report.events.read === 0)
      return { detail: `${applied} pending event(s) applied in ${round} round(s)`, data: { applied } };
  }
  return { detail: `${applied} event(s) applied; events still arriving after ${MAX_DRAIN_ROUNDS} rounds` };
}

/** Soft: the promoted Region must equal the source; anything different refuses the promotion (`--force`). */
export async function finalVerify(ctx: FailoverContext): Promise<StepResult> {
  const result = await runVerify(ctx.runtime, { targets: [ctx.target.region] });
  const drift = result.reports.flatMap((r) => r.drift.filter((d) => !d.accepted));
  if (result.inSync) return { detail: `${ctx.target.region} equals the source`, data: { differences: 0 } };
  const listed = drift
    .slice(0, 5)
    .map((d) => `${d.kind} ${d.key}`)
    .join(', ');
  if (!ctx.force)
    throw new LakemirrorError({
      code: 'failover.notInSync',
      source: 'user',
      object: `target ${ctx.target.region}`,
      message: `${drift.length} object(s) still differ from the source (${listed}): not promoting`,
      fix: 'run failover again (it drains again), or pass --force to promote anyway (the RPO is then not zero)',
    });
  return {
    detail: `${drift.length} object(s) differ (${listed}); promoted anyway (--force)`,
    data: { differences: drift.length },
  };
}

/** Hard: the RPO bound from the replication state kept in the target Region; nothing is read from the source. */
export async function boundRpo(ctx: FailoverContext): Promise<StepResult> {
  const store = requireTargetRegionStore(ctx.runtime, ctx.target);
  const state = await readReplicationState(store, ctx.target.region);
  const bound = rpoBound(state, new Date(ctx.startedAt));
  const detail =
    bound.boundMs === undefined
      ? `RPO unknown: ${bound.basis}`
      : `RPO at most ${Math.ceil(bound.boundMs / 1000)} s (watermark ${bound.watermark}; ${bound.basis})`;
  return { detail, data: { ...bound } };
}

/** The promoted Region as it is at promotion: the last state both Regions shared, failback's base. */
export async function snapshotBase(ctx: FailoverContext): Promise<StepResult> {
  const { runtime } = ctx;
  const side = await runtime.target(ctx.target);
  const taken = await takeSnapshot(side, {
    scope: {
      filter: runFilter(runtime.config),
      ...runtime.config.replicate,
      ...catalogsScope(runtime.config),
    },
    store: targetRegionSnapshotStore(runtime, ctx.target),
    tool: runtime.tool,
    now: runtime.now,
    name: (region, at) => `${region}-failover-base-${at.replace(/[:.]/g, '-')}.json`,
    // Hard: the signing key may live in the failed Region; the base is then unsigned.
    signer: ctx.mode === 'soft' ? runtime.snapshotSigner : undefined,
  });
  return { detail: `base snapshot ${taken.uri}`, data: { uri: taken.uri } };
}

/** Rewrites every resource link and view sub-object of the promoted Region that names the failed Region. */
export async function rewriteLinks(ctx: FailoverContext, dryRun: boolean): Promise<StepResult> {
  const { runtime } = ctx;
  const side = await runtime.target(ctx.target);
  const records = await readCatalogRecords(side, {
    filter: runFilter(runtime.config),
    catalog: true,
    permissions: false,
  });
  const { rewritten, unrewritable } = planLinkRewrites(records, {
    failedRegion: runtime.config.source.region,
    promotedRegion: ctx.target.region,
    promotedAccountId: side.accountId,
    ...(runtime.config.accountMapping ? { catalogs: runtime.config.accountMapping } : {}),
  });
  if (!dryRun)
    for (const { record } of rewritten) {
      if (record.kind === 'database')
        await side.glueWriter.updateDatabase(record.input.Name, record.input as never);
      else await side.glueWriter.updateTable(record.databaseName, record.input as never);
    }
  return {
    detail: `${rewritten.length} link(s) ${dryRun ? 'to rewrite' : 'rewritten'}, ${unrewritable.length} cannot be`,
    data: {
      rewritten: rewritten.map(({ object, change }) => ({ object, change })),
      unrewritable,
    },
  };
}

export async function writeReversedConfig(ctx: FailoverContext, baseSnapshot: string): Promise<StepResult> {
  const failover: FailoverRecord = {
    from: ctx.runtime.config.source.region,
    promotedAt: ctx.startedAt,
    mode: ctx.mode,
    baseSnapshot,
  };
  const reversed = reversedConfig(ctx.runtime.config, ctx.target, failover);
  await writeFile(ctx.reversedConfigPath, `${JSON.stringify(reversed, null, 2)}\n`);
  return {
    detail: `reversed config written to ${ctx.reversedConfigPath}`,
    data: { path: ctx.reversedConfigPath },
  };
}
