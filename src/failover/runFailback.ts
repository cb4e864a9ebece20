import { randomUUID } from 'node:crypto';
import { holdTargets } from '../engine/holdTargets.ts';
import { readCatalogRecords } from '../engine/readCatalogRecords.ts';
import { readPartitionRecords } from '../engine/readPartitionRecords.ts';
import { loadSnapshot, streamSnapshotPartitions } from '../engine/readSnapshot.ts';
import type { RegionSide } from '../engine/regionSide.ts';
import type { Runtime } from '../engine/runtime.ts';
import { catalogsScope, planOptionsFor, runFilter } from '../engine/scope.ts';
import { snapshotReaderFor } from '../engine/snapshotReader.ts';
import type { TargetReport } from '../engine/syncReport.ts';
import { auditedSide, openRunAuditLog, targetGuards } from '../engine/targetGuards.ts';
import { LakemirrorError } from '../model/errors.ts';
import { compareKeys, tableKey } from '../model/keys.ts';
import type { PartitionRecord, SnapshotRecord } from '../model/records.ts';
import { callSummary } from '../ondemand/runSync.ts';
import { syncTarget } from '../ondemand/syncTarget.ts';
import { targetReport } from '../ondemand/targetReport.ts';
import { remapRecord } from '../plan/s3Remap.ts';
import { type Prefer, type ThreeWayItem, threeWay } from './threeWay.ts';

export interface FailbackRequest {
  dryRun?: boolean;
  prefer?: Prefer;
  /** Go past maxDeletes. */
  confirm?: boolean;
}

const listed = (items: readonly ThreeWayItem[]) =>
  items.map(({ kind, key, promoted, source }) => ({
    kind,
    key,
    ...(promoted ? { promoted } : {}),
    ...(source ? { source } : {}),
  }));

export interface FailbackReport {
  schemaVersion: 1;
  kind: 'lakemirror.failback';
  runId: string;
  dryRun: boolean;
  promoted: string;
  oldSource: string;
  baseSnapshot: string;
  onlyPromoted: ReturnType<typeof listed>;
  onlySource: ReturnType<typeof listed>;
  conflicts: Array<ReturnType<typeof listed>[number] & { resolved?: Prefer }>;
  target: TargetReport;
  next: string;
}

async function withPartitions(side: RegionSide, records: SnapshotRecord[]): Promise<SnapshotRecord[]> {
  const partitions: PartitionRecord[] = [];
  for (const r of records)
    if (r.kind === 'table' && (r.input.PartitionKeys?.length ?? 0) > 0)
      partitions.push(
        ...(await readPartitionRecords(side, r.databaseName, r.input.Name, r.input.PartitionKeys)),
      );
  return [...records, ...partitions];
}

/**
 * `failback` (run with the reversed config that failover wrote): a three-way plan between the failover's
 * base snapshot, the promoted Region (this config's source) and the old source (its one target). What only
 * the promoted Region changed is applied to the old source with the usual guards (lease, maxDeletes, safety
 * snapshot, audit); what only the old source changed is reported; both-sides changes are conflicts, applied
 * only with `prefer`. Partitions are compared in memory.
 */
export async function runFailback(runtime: Runtime, request: FailbackRequest): Promise<FailbackReport> {
  const { config } = runtime;
  const failover = config.failover;
  const target = config.targets[0]!;
  if (!failover || config.targets.length !== 1)
    throw new LakemirrorError({
      code: 'failback.notReversed',
      source: 'user',
      message: 'failback needs the reversed config that failover wrote (its `failover` key, one target)',
      fix: 'pass --config the file `lakemirror failover` wrote (its report names it)',
    });
  const runId = randomUUID();
  const startedAt = runtime.now().toISOString();
  const filter = runFilter(config);
  const scope = { filter, ...config.replicate, ...catalogsScope(config) };
  const reader = snapshotReaderFor(runtime, failover.baseSnapshot);
  const loaded = await loadSnapshot(reader, failover.baseSnapshot, { output: runtime.output });
  const base: SnapshotRecord[] = [...loaded.records];
  for await (const group of streamSnapshotPartitions(reader, loaded.uri, loaded.pin))
    base.push(...group.partitions);
  const promotedSide = await runtime.source();
  const oldSide = await runtime.target(target);
  const promoted = await withPartitions(promotedSide, await readCatalogRecords(promotedSide, scope));
  // The old source in the promoted Region's terms (its buckets mapped the way the forward sync did).
  const forward = Object.fromEntries(
    Object.entries(target.s3Mapping ?? config.s3Mapping ?? {}).map(([a, b]) => [b, a]),
  );
  const oldNow = (await withPartitions(oldSide, await readCatalogRecords(oldSide, scope))).map((r) =>
    remapRecord(r, forward),
  );
  const plan = threeWay(base, promoted, oldNow, request.prefer);
  const desired = plan.desired.filter((r) => r.kind !== 'partition');
  const groups = new Map<string, PartitionRecord[]>();
  for (const r of plan.desired)
    if (r.kind === 'partition') {
      const key = tableKey(r.databaseName, r.tableName);
      // Appended in place: copying the group per partition was quadratic in a table's partitions.
      const group = groups.get(key);
      if (group) group.push(r);
      else groups.set(key, [r]);
    }
  const held = request.dryRun ? [] : await holdTargets(runtime, [target], { runId, command: 'failback' });
  const audit = openRunAuditLog(runtime, { runId, startedAt });
  try {
    const before = callSummary(oldSide.counter);
    const started = Date.now();
    const result = await syncTarget(
      request.dryRun ? oldSide : auditedSide(runtime, oldSide, { runId, audit }),
      {
        records: desired,
        partitions: async function* () {
          for (const key of [...groups.keys()].sort(compareKeys))
            yield { tableKey: key, partitions: groups.get(key)! };
        },
      },
      {
        plan: planOptionsFor(config, target, filter, { deleteMissing: true }),
        maxDeletes: request.confirm ? Number.POSITIVE_INFINITY : config.maxDeletes,
        dryRun: request.dryRun === true,
        output: runtime.output,
        ...(request.dryRun ? {} : targetGuards(runtime, oldSide, { runId, filter })),
      },
    );
    return {
      schemaVersion: 1,
      kind: 'lakemirror.failback',
      runId,
      dryRun: request.dryRun === true,
      promoted: promotedSide.region,
      oldSource: oldSide.region,
      baseSnapshot: failover.baseSnapshot,
      onlyPromoted: listed(plan.onlyPromoted),
      onlySource: listed(plan.onlySource),
      conflicts: plan.conflicts.map((c) => ({
        ...listed([c])[0]!,
        ...(c.resolved ? { resolved: c.resolved } : {}),
      })),
      target: targetReport(oldSide, result, {
        dryRun: request.dryRun === true,
        apiCalls: callSummary(oldSide.counter, before),
        durationMs: Date.now() - started,
      }),
      next: `to replicate ${oldSide.region} → ${promotedSide.region} again: sync with the original config, remove the stop marker ${promotedSide.region}.replication-stopped.json, and resume real-time replication`,
    };
  } finally {
    await audit.close();
    await Promise.all(held.map((lease) => lease.release().catch(() => undefined)));
  }
}
