import { z } from 'zod';
import { LakemirrorError } from '../model/errors.ts';
import type { LeaseStore } from './leaseStore.ts';

/**
 * What a target already has, kept beside its lease (`leases/<region>.applied.json`): the capture time of the
 * last snapshot applied to it, and when a real-time replay last applied the source's current state to it
 * (the replayer's watermark today: a replay re-reads the source, so what it applied is as new as its run).
 */
const appliedStateSchema = z.object({
  snapshotCapturedAt: z.string().optional(),
  snapshotUri: z.string().optional(),
  realtimeAppliedAt: z.string().optional(),
});

export type AppliedState = z.infer<typeof appliedStateSchema>;

const nameOf = (target: string) => `${target}.applied.json`;

export async function readAppliedState(store: LeaseStore, target: string): Promise<AppliedState> {
  const text = await store.read(nameOf(target));
  if (text === undefined) return {};
  try {
    const parsed = appliedStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Merges `change` into the target's state; written by the lease holder only. */
export async function recordAppliedState(
  store: LeaseStore,
  target: string,
  change: AppliedState,
): Promise<void> {
  const current = await readAppliedState(store, target);
  await store.write(nameOf(target), JSON.stringify({ ...current, ...change }));
}

/** Refuses applying a snapshot captured before what the target already has (without `--force`). */
export function assertNotStale(
  target: string,
  state: AppliedState,
  snapshot: { uri: string; capturedAt: string },
): void {
  const at = Date.parse(snapshot.capturedAt);
  const newer = [
    state.snapshotCapturedAt && Date.parse(state.snapshotCapturedAt) > at
      ? `snapshot ${state.snapshotUri ?? '?'} captured ${state.snapshotCapturedAt}`
      : undefined,
    state.realtimeAppliedAt && Date.parse(state.realtimeAppliedAt) > at
      ? `real-time replay of the source's state at ${state.realtimeAppliedAt}`
      : undefined,
  ].filter((x) => x !== undefined);
  if (newer.length === 0) return;
  throw new LakemirrorError({
    code: 'sync.staleSnapshot',
    source: 'user',
    object: `target ${target}`,
    message: `snapshot ${snapshot.uri} (captured ${snapshot.capturedAt}) is older than what ${target} already has: it would overwrite the ${newer.join(' and the ')}`,
    fix: 'sync from the source (no --snapshot) or a newer snapshot; to go back in time on purpose use `lakemirror restore`, or pass --force',
  });
}
