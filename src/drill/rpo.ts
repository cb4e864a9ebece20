import type { PendingChange, RpoResult } from '../report/reportTypes.ts';

/**
 * RPO: the age of the oldest change not yet in the target, from the event table's unapplied items and the
 * dated drift. `null` when nothing is pending. Drift that cannot be dated still proves something is
 * pending, so it yields at least 0 minutes (a lower bound; the drift itself fails the drill).
 */
export function rpoResult(
  changes: readonly PendingChange[],
  undatedDrift: readonly string[],
  now: Date,
  maxRpoMinutes: number,
): RpoResult {
  const oldest = changes.reduce<PendingChange | undefined>(
    (a, b) => (!a || Date.parse(b.eventTime) < Date.parse(a.eventTime) ? b : a),
    undefined,
  );
  if (!oldest) {
    if (undatedDrift.length === 0) return { minutes: null, status: 'pass' };
    const object = undatedDrift[0]!;
    return {
      minutes: 0,
      oldestPendingChange: { eventTime: now.toISOString(), eventName: 'drift (time unknown)', object },
      status: 'pass',
    };
  }
  const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(oldest.eventTime)) / 600) / 100);
  return { minutes, oldestPendingChange: oldest, status: minutes <= maxRpoMinutes ? 'pass' : 'fail' };
}
