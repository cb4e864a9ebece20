import type { Runtime } from '../../engine/runtime.ts';
import { callSummary } from '../../ondemand/runSync.ts';
import { objectFilter } from '../events/eventFilter.ts';
import type { ObjectRef } from '../events/objectRef.ts';
import type { EventStore } from '../eventTable/eventStore.ts';
import { toEventItems } from '../eventTable/items.ts';
import { newCursor, type ReconcileCursor } from './cursor.ts';
import { paceReconcile } from './pace.ts';

/** What one run's reconcile did, and where the cycle stands; part of the run-once report. */
export interface ReconcileReport {
  cycleStartedAt: string;
  /** Databases in scope (source and targets). */
  databases: number;
  /** Databases handed to the replayer in this run (a `catalog` item each, replayed like an event). */
  staged: string[];
  /** The objects tied to no database were handed to the replayer in this run (once a cycle). */
  account: boolean;
  /** Still to compare in this cycle. */
  remaining: number;
  /** Due now but left to the next run by `maxCallsPerRun`. */
  deferred: number;
  /** Calls spent listing the databases. */
  listCalls: number;
  /** Start of the last complete cycle: every source change before it has been compared. */
  lastFullAt?: string;
  /** When each database was last compared. */
  lastReconciled: Record<string, string>;
  /** The cycle restarted because the collector's window could not be covered. */
  restarted?: 'firstRun' | 'historyLost';
}

export const RECONCILE_EVENT_SOURCE = 'lakemirror.reconcile';

/** Source and target database names inside the filters, sorted; and the calls that took. */
async function databasesInScope(runtime: Runtime): Promise<{ databases: string[]; calls: number }> {
  const keep = objectFilter(runtime.config.filters);
  const sides = [await runtime.source()];
  for (const target of runtime.config.targets) sides.push(await runtime.target(target));
  const names = new Set<string>();
  let calls = 0;
  for (const side of sides) {
    const before = callSummary(side.counter);
    for (const db of await side.glueReader.listDatabases()) if (db.Name) names.add(db.Name);
    calls += callSummary(side.counter, before).total;
  }
  const databases = [...names].filter((database) => keep({ kind: 'catalog', database })).sort();
  return { databases, calls };
}

/**
 * One step of the budgeted, resumable reconcile: lists the databases in scope, takes the ones due by the
 * cycle's pace and the call budget, and stages a `catalog` item for each in the event table. The replayer
 * then compares that database in source and targets and repairs every difference exactly as it does for
 * an event (state-based, audited, behind the circuit breaker). The cursor in the event table makes it
 * resumable from any host; a lost window (`restart`) starts a new cycle, a lost history makes it all due.
 */
export async function reconcileStep(deps: {
  runtime: Runtime;
  table: EventStore;
  restart?: ReconcileReport['restarted'];
}): Promise<{ report: ReconcileReport; cursor: ReconcileCursor }> {
  const { runtime, table } = deps;
  const { config } = runtime;
  const region = config.source.region;
  const now = runtime.now();
  const stored = await table.readReconcileCursor(region);
  const cursor = !stored || deps.restart ? newCursor(now, stored) : { ...stored };
  const { databases, calls } = await databasesInScope(runtime);
  const pace = paceReconcile({
    databases,
    cursor,
    now,
    everyMinutes: config.realtime.reconcile.everyMinutes,
    budget: config.realtime.reconcile.maxCallsPerRun - calls,
    overdue: deps.restart === 'historyLost',
  });
  const stamp = now.toISOString();
  const stage = async (id: string, object: ObjectRef) => {
    const event = {
      eventId: `reconcile#${id}#${stamp}`,
      eventTime: stamp,
      eventName: 'Reconcile',
      eventSource: RECONCILE_EVENT_SOURCE,
      region,
      accountId: '',
      objects: [object],
    };
    const items = toEventItems(event, { stagedAt: now, retentionDays: config.realtime.retentionDays });
    for (const item of items) await table.putEventIfAbsent(item);
  };
  // The account's objects once a cycle, with its first database; `@` keeps the id apart from database names.
  const account = !cursor.accountStaged && pace.take.length > 0;
  if (account) {
    await stage('@account', { kind: 'catalog', account: true });
    cursor.accountStaged = true;
  }
  for (const database of pace.take) {
    await stage(database, { kind: 'catalog', database });
    cursor.lastReconciled[database] = stamp;
  }
  cursor.done = [...cursor.done, ...pace.take];
  const covered = databases.every((db) => cursor.done.includes(db));
  const next = covered ? { ...newCursor(now, cursor), lastFullAt: cursor.cycleStartedAt } : cursor;
  if (await table.writeReconcileCursor(region, next)) next.version += 1;
  return {
    cursor: next,
    report: {
      cycleStartedAt: cursor.cycleStartedAt,
      databases: databases.length,
      staged: pace.take,
      account,
      remaining: pace.remaining,
      deferred: pace.deferred,
      listCalls: calls,
      ...(next.lastFullAt ? { lastFullAt: next.lastFullAt } : {}),
      lastReconciled: next.lastReconciled,
      ...(deps.restart ? { restarted: deps.restart } : {}),
    },
  };
}

/**
 * After the replay: what one database's compare cost (the run's replay calls over the databases it
 * compared, an upper bound since events share the run), so the next run's budget divides by a measured
 * figure. A lost race is harmless: the next run measures again.
 */
export async function recordReconcileCost(
  table: EventStore,
  sourceRegion: string,
  cursor: ReconcileCursor,
  compared: number,
  replayCalls: number,
): Promise<void> {
  if (compared === 0) return;
  const measured = Math.max(1, Math.ceil(replayCalls / compared));
  await table.writeReconcileCursor(sourceRegion, { ...cursor, callsPerDatabase: measured });
}
