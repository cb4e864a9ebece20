import { z } from 'zod';
import type { TargetConfig } from '../config/configSchema.ts';
import type { Runtime } from '../engine/runtime.ts';
import { readAppliedState } from './appliedState.ts';
import { describeHolder, leaseName, parseLeaseHolder } from './leaseHolder.ts';
import type { LeaseStore } from './leaseStore.ts';
import { targetRegionStore } from './targetRegionStore.ts';

/**
 * What failover needs to know about a target, kept in the target Region (see targetRegionStore.ts) and
 * rewritten by every apply (sync) and replay: how far the copy got, and what was still pending then.
 */
export const replicationStateSchema = z.object({
  target: z.string(),
  sourceRegion: z.string(),
  writtenAt: z.string(),
  snapshotCapturedAt: z.string().optional(),
  snapshotUri: z.string().optional(),
  /** A replay applied the source's state as read at this time. */
  realtimeAppliedAt: z.string().optional(),
  lastReplayAt: z.string().optional(),
  /** Events the last replay found pending, and those it left pending (retried or not taken). */
  pendingAtLastReplay: z.number().int().min(0).optional(),
  pendingLeftByLastReplay: z.number().int().min(0).optional(),
  /** Event time of the oldest event the last replay left pending. */
  oldestPendingAt: z.string().optional(),
  /** The collector's checkpoint at the last replay: CloudTrail was read up to here. */
  collectedUntil: z.string().optional(),
  /**
   * The watermark after the last replay, as `lakemirror status` computes it (realtime/watermark): every
   * source change before it is in the target. Absent while nothing is proven (no full reconcile yet).
   */
  watermark: z.string().optional(),
  /** What held the watermark back (`open event`, `checkpoint`, `full reconcile`) or what is missing. */
  watermarkBoundBy: z.string().optional(),
  /** The lease holder while the state was written, in words. */
  leaseHolder: z.string().optional(),
});

export type ReplicationState = z.infer<typeof replicationStateSchema>;

export const replicationStateName = (target: string) => `${target}.replication-state.json`;

export async function readReplicationState(
  store: LeaseStore,
  target: string,
): Promise<ReplicationState | undefined> {
  const text = await store.read(replicationStateName(target));
  if (text === undefined) return undefined;
  try {
    const parsed = replicationStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export type ReplicationChange = Partial<
  Omit<ReplicationState, 'target' | 'sourceRegion' | 'writtenAt' | 'leaseHolder'>
>;

/**
 * Writes the target's state into the target Region: what the lease store already records (applied snapshot,
 * replay watermark), the holder of the lease, and `change`. Without a target-Region location (an unmapped
 * snapshot bucket) it warns: failover would then have no state to read with the source down.
 */
export async function recordReplicationState(
  runtime: Runtime,
  target: TargetConfig,
  change: ReplicationChange,
): Promise<void> {
  const store = targetRegionStore(runtime, target);
  if (!store) {
    runtime.output.warn(
      'replicationState.notKept',
      `no replication state kept in ${target.region}: map the snapshot bucket of ${runtime.config.snapshots.uri} in s3Mapping to a bucket there, so that failover can read it with the source down`,
    );
    return;
  }
  const applied = await readAppliedState(runtime.leases, target.region);
  const previous = (await readReplicationState(store, target.region)) ?? {};
  const holder = parseLeaseHolder((await runtime.leases.read(leaseName(target.region))) ?? '');
  const state: ReplicationState = {
    ...previous,
    ...applied,
    ...change,
    target: target.region,
    sourceRegion: runtime.config.source.region,
    writtenAt: runtime.now().toISOString(),
    ...(holder ? { leaseHolder: describeHolder(holder) } : {}),
  };
  await store.write(replicationStateName(target.region), JSON.stringify(state, null, 2));
}
