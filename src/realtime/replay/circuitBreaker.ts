import type { Action } from '../../plan/actions.ts';

/**
 * Below this many destructive changes a run never trips, whatever the percentage: a real-time run touches
 * few objects, and deleting 3 of 4 objects it looked at is routine, not a mass change.
 */
export const MIN_CHANGES_TO_TRIP = 20;

/** Destructive changes one target's plan would make, and the objects it looked at in that target. */
export interface ChangeCount {
  /** Updates and deletes (revokes included), partitions one by one; a database delete adds its tables. */
  planned: number;
  /** Objects the target holds inside the run's scope (same units as `planned`). */
  known: number;
}

export interface BreakerVerdict extends ChangeCount {
  tripped: boolean;
  threshold: number;
  /** The target whose plan decided the verdict (the largest share of changes). */
  target?: string;
}

/**
 * Counts a plan's updates and deletes, every partition on its own: a table losing most of its partitions
 * is a mass change, not one object.
 */
export function countChanges(actions: readonly Action[]): number {
  return actions.filter((action) => action.op !== 'create').length;
}

/**
 * The mass-change rule, per target: trip when planned updates + deletes exceed
 * max(MIN_CHANGES_TO_TRIP, maxChangePercent % of the target's objects in the run's scope).
 * The first target that trips decides; otherwise the one closest to its threshold is reported.
 */
export function judgeChanges(
  perTarget: ReadonlyArray<{ target: string } & ChangeCount>,
  maxChangePercent: number,
  minChanges = MIN_CHANGES_TO_TRIP,
): BreakerVerdict {
  let verdict: BreakerVerdict = { tripped: false, planned: 0, known: 0, threshold: minChanges };
  for (const { target, planned, known } of perTarget) {
    const threshold = Math.max(minChanges, Math.ceil((known * maxChangePercent) / 100));
    const tripped = planned > threshold;
    const closer = planned / threshold > verdict.planned / verdict.threshold;
    if (tripped || (!verdict.tripped && closer)) verdict = { tripped, planned, known, threshold, target };
    if (tripped) break;
  }
  return verdict;
}
