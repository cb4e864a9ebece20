import type { ReplicationState } from '../lease/replicationState.ts';

/** How much of the source's history the promoted Region may lack, from the state kept in it. */
export interface RpoBound {
  /** Every source change made before this time is in the target (as far as the state tells). */
  watermark?: string;
  /** failover time − watermark; absent when the state tells nothing. */
  boundMs?: number;
  /** Events the last replay left pending (they happened after the watermark or failed). */
  pendingLeft: number;
  basis: string;
}

const latest = (times: Array<string | undefined>) =>
  times
    .filter((t): t is string => t !== undefined)
    .sort((a, b) => Date.parse(a) - Date.parse(b))
    .at(-1);
const earliest = (times: Array<string | undefined>) =>
  times.filter((t): t is string => t !== undefined).sort((a, b) => Date.parse(a) - Date.parse(b))[0];

/**
 * Pure. The real-time watermark: with nothing left pending, the target holds every change the collector had
 * staged (up to its checkpoint) as of the replay's start — the earlier of the two; with events left pending,
 * the oldest of them. A snapshot applied later than that moves the watermark to its capture time.
 */
export function rpoBound(state: ReplicationState | undefined, at: Date): RpoBound {
  if (!state) return { pendingLeft: 0, basis: 'no replication state in the target Region' };
  const pendingLeft = state.pendingLeftByLastReplay ?? 0;
  const realtime =
    state.lastReplayAt === undefined
      ? undefined
      : pendingLeft > 0
        ? earliest([state.oldestPendingAt, state.lastReplayAt])
        : earliest([state.collectedUntil, state.lastReplayAt]);
  const watermark = latest([realtime, state.snapshotCapturedAt]);
  if (!watermark) return { pendingLeft, basis: 'the target was never synced or replayed' };
  const basis =
    watermark === realtime
      ? `last replay at ${state.lastReplayAt}, collector checkpoint ${state.collectedUntil ?? 'unknown'}, ${pendingLeft} event(s) left pending`
      : `snapshot ${state.snapshotUri ?? '?'} captured ${state.snapshotCapturedAt}`;
  return { watermark, boundMs: Math.max(0, at.getTime() - Date.parse(watermark)), pendingLeft, basis };
}
