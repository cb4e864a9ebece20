/**
 * The floor: the fewest API calls (and the least time) a scenario can take, given only the lake's shape and
 * the APIs' maxima. Pure arithmetic; the harness divides measured calls and wall time by it.
 *
 * Conventions: a list call always costs one page even when empty (`pages(0) = 1`); a batch write of zero items
 * costs nothing. Each (Region, service) has its own rate-limit bucket, so the time floor is the slowest bucket:
 * max over (side, service) of (calls − burst) / rps, the bucket starting full (burst = rps).
 */

/** Page sizes and batch maxima of the real APIs (AWS documentation), which the emulator enforces too. */
export const API_MAXIMA = {
  getDatabases: 100,
  getTables: 100,
  getPartitions: 1000,
  batchGetPartition: 1000,
  batchCreatePartition: 100,
  batchUpdatePartition: 100,
  batchDeletePartition: 25,
  /** ListPermissions, ListLFTags, ListResources, ListDataCellsFilter: MaxResults 1–1000. */
  lfListPage: 1000,
  batchGrant: 20,
  lfTagsPerCall: 50,
  lookupEventsPage: 50,
  lookupEventsRps: 2,
  /** GetColumnStatisticsForTable: ColumnNames 0–100; UpdateColumnStatisticsForTable: 0–25 statistics. */
  getColumnStatistics: 100,
  updateColumnStatistics: 25,
  /** GetUserDefinedFunctions: MaxResults 1–100. */
  functionsPage: 100,
} as const;

/** What the floor needs to know about a lake. */
export interface LakeShape {
  databases: number;
  /** Table count of each database. */
  tablesPerDatabase: number[];
  /** Partition count of each partitioned table (tables without partition keys are not listed). */
  partitionsPerTable: number[];
  /** Distinct (principal, resource) grant entries. */
  grants: number;
  lfTags: number;
  /** Assignment entries: a database, a table or one column with its tags (≤ 50). */
  lfTagAssignments: number;
  dataCellsFilters: number;
  locations: number;
  /** Partition indexes over all tables (each one CreatePartitionIndex in an empty target). */
  partitionIndexes?: number;
  /** Column count of each table with columns (its statistics are read 100 columns a call). */
  columnsPerTable?: number[];
  /** Columns with statistics of each table that has any (written 25 a call). */
  statisticsPerTable?: number[];
  /** User-defined functions over all databases. */
  functions?: number;
}

export type Service = 'glue' | 'lakeformation' | 'cloudtrail';
/** Calls by operation, e.g. `{ 'glue:GetTables': 3 }`. */
export type OperationCounts = Record<string, number>;

/** The floor of one scenario: calls per side (source / target Region) by `service:Operation`. */
export interface ScenarioFloor {
  source: OperationCounts;
  target: OperationCounts;
}

export const pages = (items: number, size: number): number => Math.max(1, Math.ceil(items / size));
export const batches = (items: number, size: number): number => Math.ceil(items / size);
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Drops zero entries so floors print cleanly. */
function counts(entries: Record<string, number>): OperationCounts {
  return Object.fromEntries(Object.entries(entries).filter(([, n]) => n > 0));
}

/**
 * Reading a whole Region (snapshot or plan side): GetDatabases pages + Σ GetTables pages per database
 * + Σ GetPartitions pages per partitioned table (ceil(n/1000), at least 1) + one page each of the four LF
 * list calls per 1000 items + GetDataLakeSettings + one GetResourceLFTags per database and table when the
 * Region has LF-Tags (assignments can only be read per resource; a Region without tags needs none)
 * + GetPartitionIndexes per partitioned table + Σ ceil(columns/100) GetColumnStatisticsForTable per table
 * with columns + GetUserDefinedFunctions pages of 100 for the whole catalog (none in a Region without
 * databases).
 */
export function regionReadFloor(shape: LakeShape): OperationCounts {
  const { getDatabases, getTables, getPartitions, lfListPage } = API_MAXIMA;
  const tables = sum(shape.tablesPerDatabase);
  return counts({
    'glue:GetDatabases': pages(shape.databases, getDatabases),
    'glue:GetTables': sum(shape.tablesPerDatabase.map((n) => pages(n, getTables))),
    'glue:GetPartitions': sum(shape.partitionsPerTable.map((n) => pages(n, getPartitions))),
    'lakeformation:ListPermissions': pages(shape.grants, lfListPage),
    'lakeformation:ListResources': pages(shape.locations, lfListPage),
    'lakeformation:ListLFTags': pages(shape.lfTags, lfListPage),
    'lakeformation:ListDataCellsFilter': pages(shape.dataCellsFilters, lfListPage),
    'lakeformation:GetDataLakeSettings': 1,
    'lakeformation:GetResourceLFTags': shape.lfTags > 0 ? shape.databases + tables : 0,
    'glue:GetPartitionIndexes': shape.partitionsPerTable.length,
    'glue:GetColumnStatisticsForTable': sum(
      (shape.columnsPerTable ?? []).map((n) => pages(n, API_MAXIMA.getColumnStatistics)),
    ),
    'glue:GetUserDefinedFunctions':
      shape.databases > 0 ? pages(shape.functions ?? 0, API_MAXIMA.functionsPage) : 0,
  });
}

/** An empty lake (a new target Region): one page of each list call, no tables, no tag reads. */
export const EMPTY_SHAPE: LakeShape = {
  databases: 0,
  tablesPerDatabase: [],
  partitionsPerTable: [],
  grants: 0,
  lfTags: 0,
  lfTagAssignments: 0,
  dataCellsFilters: 0,
  locations: 0,
};

/**
 * Writing a whole lake into an empty Region: settings 1 + CreateDatabase per database + CreateTable per table
 * + Σ ceil(n/100) BatchCreatePartition + CreateDataCellsFilter, RegisterResource, CreateLFTag each per object
 * + AddLFTagsToResource per assignment entry + ceil(grants/20) BatchGrantPermissions + CreatePartitionIndex
 * per index + Σ ceil(n/25) UpdateColumnStatisticsForTable + CreateUserDefinedFunction per function.
 */
export function fullWriteFloor(shape: LakeShape): OperationCounts {
  return counts({
    'lakeformation:PutDataLakeSettings': 1,
    'glue:CreateDatabase': shape.databases,
    'glue:CreateTable': sum(shape.tablesPerDatabase),
    'glue:BatchCreatePartition': sum(
      shape.partitionsPerTable.map((n) => batches(n, API_MAXIMA.batchCreatePartition)),
    ),
    'lakeformation:CreateDataCellsFilter': shape.dataCellsFilters,
    'lakeformation:RegisterResource': shape.locations,
    'lakeformation:CreateLFTag': shape.lfTags,
    'lakeformation:AddLFTagsToResource': shape.lfTagAssignments,
    'lakeformation:BatchGrantPermissions': batches(shape.grants, API_MAXIMA.batchGrant),
    'glue:CreatePartitionIndex': shape.partitionIndexes ?? 0,
    'glue:UpdateColumnStatisticsForTable': sum(
      (shape.statisticsPerTable ?? []).map((n) => batches(n, API_MAXIMA.updateColumnStatistics)),
    ),
    'glue:CreateUserDefinedFunction': shape.functions ?? 0,
  });
}

export function addCounts(...parts: OperationCounts[]): OperationCounts {
  const out: OperationCounts = {};
  for (const part of parts) for (const [op, n] of Object.entries(part)) out[op] = (out[op] ?? 0) + n;
  return out;
}

/** Full first sync into an empty target: read the source, read the (empty) target, write everything. */
export function fullSyncFloor(shape: LakeShape): ScenarioFloor {
  return {
    source: regionReadFloor(shape),
    target: addCounts(regionReadFloor(EMPTY_SHAPE), fullWriteFloor(shape)),
  };
}

/** Re-sync with nothing changed: both Regions read in full, zero writes. */
export function resyncFloor(shape: LakeShape): ScenarioFloor {
  return { source: regionReadFloor(shape), target: regionReadFloor(shape) };
}

/** One table's definition changed: a full re-sync's reads plus one UpdateTable. */
export function oneTableChangedFloor(shape: LakeShape): ScenarioFloor {
  const floor = resyncFloor(shape);
  return { ...floor, target: addCounts(floor.target, { 'glue:UpdateTable': 1 }) };
}

/**
 * New partitions in the source (`added[i]` on the i-th partitioned table): the source is read with them, the
 * target without, and the new ones are written in batches of 100 per table.
 */
export function partitionsAddedFloor(shape: LakeShape, added: readonly number[]): ScenarioFloor {
  const after = { ...shape, partitionsPerTable: shape.partitionsPerTable.map((n, i) => n + (added[i] ?? 0)) };
  const writes = sum(added.map((n) => batches(n, API_MAXIMA.batchCreatePartition)));
  return {
    source: regionReadFloor(after),
    target: addCounts(regionReadFloor(shape), counts({ 'glue:BatchCreatePartition': writes })),
  };
}

/** What a burst of real-time changes touched, for its floor. */
export interface BurstShape {
  /**
   * Events LookupEvents has to return per event source since the collector's checkpoint, read-only ones
   * included: it takes one lookup attribute, so filtering by EventSource cannot also leave out the reads.
   * E.g. `{ 'glue.amazonaws.com': 1000, 'lakeformation.amazonaws.com': 0 }`.
   */
  eventsBySource: Record<string, number>;
  /** Tables whose definition changed (each: re-read from the source, written to the target). */
  changedTables: number;
  /** New partitions per table that got any. */
  addedPartitionsPerTable: number[];
}

/** LookupEvents pages for the events of each source (at least one page each, even when empty). */
export function lookupPages(eventsBySource: Record<string, number>): number {
  return sum(Object.values(eventsBySource).map((n) => pages(n, API_MAXIMA.lookupEventsPage)));
}

/**
 * A burst replayed in real time: LookupEvents pages of 50 per event source (the collector reads each source
 * it watches, at least one page each), then per changed table GetTable (source) + UpdateTable (target), and
 * per table with new partitions ceil(k/1000) BatchGetPartition (source) + ceil(k/100) BatchCreatePartition.
 * Replay is assumed to coalesce events on the same object, and to need no read of the target.
 */
export function burstFloor(burst: BurstShape): ScenarioFloor {
  const added = burst.addedPartitionsPerTable.filter((n) => n > 0);
  return {
    source: counts({
      'cloudtrail:LookupEvents': lookupPages(burst.eventsBySource),
      'glue:GetTable': burst.changedTables,
      'glue:BatchGetPartition': sum(added.map((n) => pages(n, API_MAXIMA.batchGetPartition))),
    }),
    target: counts({
      'glue:UpdateTable': burst.changedTables,
      'glue:BatchCreatePartition': sum(added.map((n) => batches(n, API_MAXIMA.batchCreatePartition))),
    }),
  };
}

/**
 * One changed table, from the collector run that sees its event to the target being updated: that run's
 * LookupEvents pages (`eventsBySource` since the checkpoint), GetTable on the source, UpdateTable.
 */
export function oneTableRealtimeFloor(eventsBySource: Record<string, number>): ScenarioFloor {
  return burstFloor({ eventsBySource, changedTables: 1, addedPartitionsPerTable: [] });
}

const serviceOf = (operation: string) => operation.slice(0, operation.indexOf(':')) as Service;

/** Calls of a side (or of both) summed per service. */
export function callsByService(ops: OperationCounts): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [op, n] of Object.entries(ops)) out[serviceOf(op)] = (out[serviceOf(op)] ?? 0) + n;
  return out;
}

/**
 * The least wall time the floor's calls can take under per-(Region, service) limits of `rps` (LookupEvents:
 * its own 2/s). Buckets start full, so the first `rps` calls of each are free. 0 when unlimited.
 */
export function floorSeconds(floor: ScenarioFloor, rps: number): number {
  let slowest = 0;
  for (const side of [floor.source, floor.target]) {
    for (const [service, calls] of Object.entries(callsByService(side))) {
      if (service === 'cloudtrail') {
        const lookups = side['cloudtrail:LookupEvents'] ?? 0;
        const rate = API_MAXIMA.lookupEventsRps;
        slowest = Math.max(slowest, Math.max(0, lookups - rate) / rate);
      }
      if (rps > 0) slowest = Math.max(slowest, Math.max(0, calls - rps) / rps);
    }
  }
  return slowest;
}

/** One database of a lake, for the reconcile's floor: its tables and the partitions of its partitioned ones. */
export interface DatabaseShape {
  name: string;
  tables: number;
  partitionsPerTable: number[];
}

/**
 * One run of the real-time reconcile (`reconcileAndReplay`) that compares `compared` of the `databases` in
 * scope, with nothing pending and nothing to repair: per side, the GetDatabases pages of the scope listing,
 * then per database compared GetTables pages + GetPartitions pages of each partitioned table (ceil(n/1000),
 * at least 1) — the least a compare of a database's tables and partitions can read. Lake Formation, per side
 * per run that compares anything: one ListPermissions page (the grants on the compared databases cannot be
 * read in fewer) and, when the lake has data cells filters, one ListDataCellsFilter page; per database
 * compared, one GetResourceLFTags for it and each of its tables when the lake has LF-Tags (assignments are
 * only readable per resource). Account-wide objects (LF-Tag definitions, locations, settings) are not part
 * of a database's compare, so not of its floor. Repairs add their writes on top.
 */
export function reconcileRunFloor(
  databases: number,
  compared: readonly DatabaseShape[],
  lake: LakeShape,
): ScenarioFloor {
  const side = counts({
    'glue:GetDatabases': databases > 0 ? pages(databases, API_MAXIMA.getDatabases) : 0,
    'glue:GetTables': sum(compared.map((db) => pages(db.tables, API_MAXIMA.getTables))),
    'glue:GetPartitions': sum(
      compared.flatMap((db) => db.partitionsPerTable.map((n) => pages(n, API_MAXIMA.getPartitions))),
    ),
    'lakeformation:ListPermissions': compared.length > 0 && lake.grants > 0 ? 1 : 0,
    'lakeformation:ListDataCellsFilter': compared.length > 0 && lake.dataCellsFilters > 0 ? 1 : 0,
    'lakeformation:GetResourceLFTags': lake.lfTags > 0 ? sum(compared.map((db) => 1 + db.tables)) : 0,
  });
  return { source: side, target: { ...side } };
}

export interface CoverageSettings {
  everyMinutes: number;
  /** Minutes between two runs (the deployed replayer's schedule). */
  intervalMinutes: number;
  maxCallsPerRun: number;
  /** Measured compare calls over the floor's (1 = the floor itself). */
  costFactor: number;
}

/**
 * How long the reconcile takes to compare every database once, by the pacing rule of `paceReconcile`: the
 * share of the cycle's time elapsed is due (rounded down), each run takes at most
 * floor((maxCallsPerRun − listing) / cost of one database) (at least one), databases in name order. Pure;
 * the cost of a database is the mean of their floors (`reconcileRunFloor`) times `costFactor`, as the
 * replayer measures it (calls of a run over the databases it compared). Answers runs (the first at
 * minute 0) and the minute of the run that completes the cycle; `budgetBound` when the budget, not the
 * cycle's pace, decided it.
 */
export function reconcileCoverage(
  databases: readonly DatabaseShape[],
  lake: LakeShape,
  settings: CoverageSettings,
): { runs: number; minutes: number; budgetBound: boolean; callsPerDatabase: number } {
  const total = databases.length;
  const floorOf = (db: DatabaseShape) => {
    const f = reconcileRunFloor(0, [db], lake);
    return sum(Object.values(f.source)) + sum(Object.values(f.target));
  };
  const listing = 2 * pages(total, API_MAXIMA.getDatabases);
  const mean = total === 0 ? 1 : sum(databases.map(floorOf)) / total;
  const cost = Math.max(1, Math.ceil(mean * settings.costFactor));
  const affordable = Math.max(1, Math.floor((settings.maxCallsPerRun - listing) / cost));
  let done = 0;
  let budgetBound = false;
  for (let run = 0; ; run++) {
    const minute = run * settings.intervalMinutes;
    const share = Math.min(1, minute / settings.everyMinutes);
    const due = Math.max(0, Math.floor(total * share) - done);
    if (due > affordable) budgetBound = true;
    done += Math.min(due, affordable);
    if (done >= total) return { runs: run + 1, minutes: minute, budgetBound, callsPerDatabase: cost };
  }
}
