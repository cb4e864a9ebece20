import type { ReconcileCursor } from './cursor.ts';

export interface PaceInput {
  /** Every database in scope, source and targets together, sorted. */
  databases: readonly string[];
  cursor: ReconcileCursor;
  now: Date;
  everyMinutes: number;
  /** Calls left for the compares after listing the databases. */
  budget: number;
  /** The collector could not cover its window (history lost): everything is due now. */
  overdue?: boolean;
}

export interface PaceDecision {
  /** Databases to compare in this run, in cursor order. */
  take: string[];
  /** Databases still to compare in this cycle after this run. */
  remaining: number;
  /** Due now but left for the next run by the budget. */
  deferred: number;
}

/**
 * How many databases this run compares. Pure. The cycle is spread evenly over `everyMinutes` (a share
 * proportional to the elapsed time, rounded down, so frequent runs each do a little), everything still
 * left is due once the cycle's time is up, and the budget caps a run at `budget / callsPerDatabase`
 * (at least one database, so a cycle always moves on).
 */
export function paceReconcile(input: PaceInput): PaceDecision {
  const { databases, cursor, now, everyMinutes } = input;
  const done = new Set(cursor.done);
  const left = databases.filter((db) => !done.has(db));
  const elapsed = now.getTime() - Date.parse(cursor.cycleStartedAt);
  const share = input.overdue ? 1 : Math.min(1, Math.max(0, elapsed / (everyMinutes * 60_000)));
  const dueTotal = Math.floor(databases.length * share);
  const due = Math.max(0, Math.min(left.length, dueTotal - (databases.length - left.length)));
  const affordable = Math.max(1, Math.floor(input.budget / Math.max(1, cursor.callsPerDatabase)));
  const take = left.slice(0, Math.min(due, affordable));
  return { take, remaining: left.length - take.length, deferred: due - take.length };
}
