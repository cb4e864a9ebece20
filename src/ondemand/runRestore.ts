import { randomUUID } from 'node:crypto';
import type { TargetConfig } from '../config/configSchema.ts';
import { holdTargets } from '../engine/holdTargets.ts';
import { loadSnapshot, streamSnapshotPartitions } from '../engine/readSnapshot.ts';
import type { Runtime } from '../engine/runtime.ts';
import { planOptionsFor, runFilter } from '../engine/scope.ts';
import { snapshotReaderFor } from '../engine/snapshotReader.ts';
import type { SourceRecords } from '../engine/sourceSnapshot.ts';
import type { SyncReport, TargetReport } from '../engine/syncReport.ts';
import { auditedSide, openRunAuditLog, targetGuards } from '../engine/targetGuards.ts';
import { isLakemirrorError, LakemirrorError } from '../model/errors.ts';
import { callSummary } from './runSync.ts';
import { syncTarget } from './syncTarget.ts';
import { targetReport } from './targetReport.ts';

export interface RestoreRequest {
  snapshotUri: string;
  /** The target Region; default the config target the snapshot was taken of. */
  target?: string;
  dryRun?: boolean;
  /** Apply a snapshot of another Region or account. */
  force?: boolean;
  /** Go past `maxDeletes`. */
  confirm?: boolean;
  /** Restore only these databases (default: the databases the snapshot holds). */
  databases?: string[];
  /** Shown the plan before anything is written. */
  onPlan?: (plan: SyncReport) => void;
  /** How long to wait for another writer's lease on the target (default: refuse at once). */
  waitMs?: number;
}

/**
 * `restore`: makes one target equal to a snapshot — normally its own pre-sync safety snapshot — with
 * `deleteMissing`, scoped to the databases the snapshot holds, without S3 remapping (a target snapshot already
 * names the target's buckets). Never reads the source Region, so it works while the source is down.
 */
export async function runRestore(runtime: Runtime, request: RestoreRequest): Promise<SyncReport> {
  const started = Date.now();
  const startedAt = runtime.now().toISOString();
  const runId = randomUUID();
  const reader = snapshotReaderFor(runtime, request.snapshotUri);
  runtime.output.phase('snapshot', `loading ${request.snapshotUri}`);
  const loaded = await loadSnapshot(reader, request.snapshotUri, {
    signer: runtime.snapshotSigner,
    output: runtime.output,
  });
  const from = loaded.header.source;
  const target = chooseTarget(runtime, from.region, request);
  const side = await runtime.target(target);
  if ((from.region !== side.region || from.accountId !== side.accountId) && !request.force) {
    throw new LakemirrorError({
      code: 'restore.otherTarget',
      source: 'user',
      object: `snapshot ${request.snapshotUri}`,
      message: `snapshot ${request.snapshotUri} was taken of ${from.region} (account ${from.accountId}), not of the target ${side.region} (account ${side.accountId})`,
      fix: `restore a snapshot of ${side.region} (its safety snapshots are named ${side.region}-pre-sync-*.json), or pass --force to apply this one anyway`,
    });
  }
  const databases =
    request.databases ?? loaded.records.flatMap((r) => (r.kind === 'database' ? [r.input.Name] : []));
  const filter = runFilter(runtime.config, databases);
  const plan = { ...planOptionsFor(runtime.config, target, filter, { deleteMissing: true }), s3Mapping: {} };
  const source: SourceRecords = {
    records: loaded.records,
    partitions: () => streamSnapshotPartitions(reader, loaded.uri, loaded.pin),
  };
  const maxDeletes = request.confirm ? Number.POSITIVE_INFINITY : runtime.config.maxDeletes;
  const report = (targetReport: TargetReport, dryRun: boolean): SyncReport => ({
    schemaVersion: 1,
    kind: 'lakemirror.sync',
    runId,
    dryRun,
    startedAt,
    durationMs: Date.now() - started,
    source: {
      region: from.region,
      accountId: from.accountId,
      apiCalls: { total: 0, reads: 0, writes: 0, byOperation: {} },
    },
    snapshot: {
      uri: loaded.uri,
      recordCount: loaded.trailer.recordCount,
      contentHash: loaded.trailer.contentHash,
    },
    targets: [targetReport],
  });
  const run = async (dryRun: boolean): Promise<TargetReport> => {
    const before = callSummary(side.counter);
    const audit = openRunAuditLog(runtime, { runId, startedAt });
    try {
      const result = await syncTarget(dryRun ? side : auditedSide(runtime, side, { runId, audit }), source, {
        plan,
        maxDeletes,
        dryRun,
        output: runtime.output,
        ...(dryRun ? {} : targetGuards(runtime, side, { runId, filter })),
      });
      return targetReport(side, result, {
        dryRun,
        apiCalls: callSummary(side.counter, before),
        durationMs: Date.now() - started,
      });
    } catch (error) {
      if (isLakemirrorError(error, 'plan.maxDeletesExceeded'))
        throw new LakemirrorError({
          code: error.code,
          source: 'user',
          object: `target ${side.region}`,
          message: `restoring ${request.snapshotUri}: ${error.message}`,
          fix: 'check that this is the snapshot you mean (see the plan with --dry-run); pass --confirm to apply it anyway',
        });
      throw error;
    } finally {
      await audit.close();
    }
  };
  // The lease is taken before the plan, so that the plan shown is the one applied.
  const held = request.dryRun
    ? []
    : await holdTargets(runtime, [target], {
        runId,
        command: 'restore',
        ...(request.waitMs === undefined ? {} : { waitMs: request.waitMs }),
      });
  try {
    const planned = report(await run(true), true);
    request.onPlan?.(planned);
    const nothingToDo =
      planned.targets[0]!.actions.length === 0 && !planned.targets[0]!.unlistedPartitionActions;
    if (request.dryRun || nothingToDo) return planned;
    return report(await run(false), false);
  } finally {
    await Promise.all(held.map((lease) => lease.release().catch(() => undefined)));
  }
}

function chooseTarget(runtime: Runtime, snapshotRegion: string, request: RestoreRequest): TargetConfig {
  const { targets } = runtime.config;
  const wanted = request.target ?? snapshotRegion;
  const chosen =
    targets.find((t) => t.region === wanted) ??
    (request.target === undefined && targets.length === 1 ? targets[0] : undefined);
  if (chosen) return chosen;
  throw new LakemirrorError({
    code: 'config.unknownTarget',
    source: 'user',
    object: `target ${wanted}`,
    message: `${wanted} is not a target in the config`,
    fix: `pass --target with one of: ${targets.map((t) => t.region).join(', ')}`,
  });
}
