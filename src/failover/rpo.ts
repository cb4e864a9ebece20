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

/**
 * Pure. The later of two proven bounds: the watermark the last replay recorded (computed as `status`
 * computes it: oldest open event, checkpoint minus overlap, start of the last full reconcile), and the
 * capture time of the last snapshot applied. Nothing else is taken as proof: without a full reconcile a
 * replay proves nothing about events CloudTrail has not delivered yet.
 */
export function rpoBound(state: ReplicationState | undefined, at: Date): RpoBound {
  if (!state) return { pendingLeft: 0, basis: 'no replication state in the target Region' };
  const pendingLeft = state.pendingLeftByLastReplay ?? 0;
  const realtime = state.watermark;
  const snapshot = state.snapshotCapturedAt;
  const watermark =
    realtime && snapshot
      ? Date.parse(realtime) >= Date.parse(snapshot)
        ? realtime
        : snapshot
      : (realtime ?? snapshot);
  if (!watermark) {
    const why = state.watermarkBoundBy ? ` (replay watermark: ${state.watermarkBoundBy})` : '';
    return { pendingLeft, basis: `the target was never synced and no replay proved a watermark${why}` };
  }
  const basis =
    watermark === realtime
      ? `watermark of the last replay at ${state.lastReplayAt}, bound by ${state.watermarkBoundBy ?? 'unknown'}; ${pendingLeft} event(s) left pending`
      : `snapshot ${state.snapshotUri ?? '?'} captured ${state.snapshotCapturedAt}`;
  return { watermark, boundMs: Math.max(0, at.getTime() - Date.parse(watermark)), pendingLeft, basis };
}
