/**
 * The reconcile's cursor, one item per source Region in the event table (`pk = RECONCILE#<region>`,
 * `sk = cursor`): where the current cycle stands, so any run (CLI, Lambda, another host) resumes it.
 */
export interface ReconcileCursor {
  /** When the current cycle began: every database is compared once before `cycleStartedAt + everyMinutes`. */
  cycleStartedAt: string;
  /** Databases already compared in this cycle. */
  done: string[];
  /** When each database was last handed to the replayer for a compare (ISO). */
  lastReconciled: Record<string, string>;
  /** Start of the last cycle that covered every database: source changes before it are in the target. */
  lastFullAt?: string;
  /**
   * The objects tied to no database (settings, LF-Tags, locations, catalogs below the default one, account-level
   * grants) were handed to the replayer in this cycle: once a cycle, with its first database.
   */
  accountStaged?: boolean;
  /** API calls one database's compare took in the last runs (what the budget divides by). */
  callsPerDatabase: number;
  /** Optimistic lock: 0 before the first write. */
  version: number;
}

export const reconcileCursorKey = (sourceRegion: string) => ({
  pk: `RECONCILE#${sourceRegion}`,
  sk: 'cursor',
});

/** Before any measurement: a database of the small benchmark lake costs about this much to compare. */
export const DEFAULT_CALLS_PER_DATABASE = 40;

export function newCursor(now: Date, previous?: ReconcileCursor): ReconcileCursor {
  return {
    cycleStartedAt: now.toISOString(),
    done: [],
    lastReconciled: previous?.lastReconciled ?? {},
    ...(previous?.lastFullAt ? { lastFullAt: previous.lastFullAt } : {}),
    callsPerDatabase: previous?.callsPerDatabase ?? DEFAULT_CALLS_PER_DATABASE,
    version: previous?.version ?? 0,
  };
}
