import type { Resource } from '@aws-sdk/client-lakeformation';
import pLimit from 'p-limit';
import {
  canonicalDatabase,
  canonicalDataCellsFilter,
  canonicalDataLakeSettings,
  canonicalGrant,
  canonicalLfTag,
  canonicalLfTagAssignment,
  canonicalLocation,
  canonicalOptIn,
  canonicalTable,
  mergeGrants,
} from '../model/canonical.ts';
import { LakemirrorError } from '../model/errors.ts';
import { compareKeys, recordKey } from '../model/keys.ts';
import type { DatabaseRecord, SnapshotRecord, TableRecord } from '../model/records.ts';
import { SNAPSHOT_KIND_ORDER } from '../model/snapshotOrder.ts';
import {
  type CatalogFilterSpec,
  createCatalogFilter,
  globToRegExp,
  isDatabaseIncluded,
  isTableIncluded,
} from '../plan/filters.ts';
import type { ColumnStatisticsScope } from '../plan/planCatalogObjects.ts';
import { readCatalogObjects } from './readCatalogObjects.ts';
import { type CatalogSelection, readCatalogs } from './readCatalogs.ts';
import type { RegionSide } from './regionSide.ts';

export interface ReadScope {
  filter?: CatalogFilterSpec;
  catalog: boolean;
  permissions: boolean;
  /** Catalogs besides the default one to read with the catalog (config `source.catalogs`); default none. */
  catalogs?: CatalogSelection;
  /** Which column statistics to read with the catalog (config `replicate.columnStatistics`). */
  columnStatistics?: ColumnStatisticsScope;
  /** Source side: a database named (not a glob) in `filters.databases.include` must exist. */
  requireNamedDatabases?: boolean;
  /** Source side: told of each include glob that matches no database or table (warning or error). */
  onUnmatched?: (filter: string, region: string) => void;
}

const GLOB = /[*?]/;

/** A literal database name in the include list that the source does not have is a config error, not a no-op. */
function assertNamedDatabasesExist(scope: ReadScope, region: string, names: ReadonlySet<string>): void {
  const named = (scope.filter?.databases?.include ?? []).filter((p) => !GLOB.test(p) && !isQualified(p));
  const missing = named.filter((name) => !names.has(name.toLowerCase()));
  if (missing.length === 0) return;
  throw new LakemirrorError({
    code: 'config.databaseNotFound',
    source: 'user',
    object: `database ${missing.join(', ')} in ${region}`,
    message: `filters.databases.include names ${missing.map((m) => `'${m}'`).join(', ')}, which the source Region ${region} does not have`,
    fix: 'fix the name in the config (Glue names are lowercase) or remove it from filters.databases.include',
  });
}

/** The globs of `include` that match none of `names` (literal names are checked by assertNamedDatabasesExist). */
function unmatchedGlobs(include: readonly string[] | undefined, names: readonly string[]): string[] {
  return (include ?? []).filter(
    (glob) =>
      GLOB.test(glob) &&
      !isQualified(glob) &&
      !names.some((name) => globToRegExp(glob).test(name.toLowerCase())),
  );
}

/** A `catalog/db` glob names a catalog below the default one: the default catalog's names cannot judge it. */
const isQualified = (glob: string) => glob.includes('/');

/** Databases and tables in scope, canonical. */
export interface GlueRecords {
  databases: DatabaseRecord[];
  tables: TableRecord[];
}

/** A Region read in two parts that run at once: Glue (databases, tables) and Lake Formation. */
export interface CatalogReadParts {
  glue: Promise<GlueRecords>;
  /** Lake Formation but tag assignments (its list calls, done early): empty when permissions are not replicated. */
  lakeFormationListed: Promise<SnapshotRecord[]>;
  /**
   * Everything but databases, tables and partitions: Lake Formation (empty when permissions are not
   * replicated) and the catalog's partition indexes, functions and column statistics (when the catalog is).
   */
  lakeFormation: Promise<SnapshotRecord[]>;
}

/** Called with each resource's tag assignments as they are read (a resource with none is not reported). */
export type OnAssignments = (records: SnapshotRecord[]) => void;

/**
 * Starts reading one Region. The Lake Formation lists start at once, beside the Glue reads (each service has
 * its own rate limit, so overlapping them halves the wall time); only the per-resource tag assignments wait
 * for the tables. Databases outside the filter are not read at all.
 */
export function readCatalogInParts(
  side: RegionSide,
  scope: ReadScope,
  onAssignments?: OnAssignments,
): CatalogReadParts {
  const glue = readGlueRecords(side, scope);
  const bulk = scope.permissions ? readLakeFormationBulk(side) : Promise.resolve(undefined);
  const lakeFormationListed = bulk.then((listed) => listed?.records ?? []);
  const catalogs = scope.catalog && scope.catalogs ? readCatalogs(side, scope.catalogs) : Promise.resolve([]);
  const objects = scope.catalog
    ? glue.then(async ({ databases, tables }) => [
        ...(await readCatalogObjects(side, databases, tables, scope.columnStatistics)),
        ...(await catalogs),
      ])
    : Promise.resolve([]);
  catalogs.catch(() => {});
  const lakeFormation = (async () => {
    const [listed, { databases, tables }] = await Promise.all([bulk, glue]);
    const assignments = listed?.hasTags
      ? await readTagAssignments(side, databases, tables, onAssignments)
      : [];
    return [...(listed?.records ?? []), ...assignments, ...(await objects)];
  })();
  objects.catch(() => {});
  // Observed when awaited; this keeps a failure from being reported as unhandled in the meantime.
  for (const part of [lakeFormation, lakeFormationListed, glue]) part.catch(() => {});
  return { glue, lakeFormationListed, lakeFormation };
}

/** Reads everything but partitions from one Region, canonical and in key order. */
export function readCatalogRecords(side: RegionSide, scope: ReadScope): Promise<SnapshotRecord[]> {
  return recordsOfParts(readCatalogInParts(side, scope), scope);
}

/** Every record of a Region read in parts, sorted (as `readCatalogRecords` answers them). */
export async function recordsOfParts(parts: CatalogReadParts, scope: ReadScope): Promise<SnapshotRecord[]> {
  const { databases, tables } = await parts.glue;
  const records: SnapshotRecord[] = [];
  if (scope.catalog || scope.permissions) records.push(...databases, ...tables);
  records.push(...(await parts.lakeFormation));
  return sortRecords(records);
}

async function readGlueRecords(side: RegionSide, scope: ReadScope): Promise<GlueRecords> {
  const filter = createCatalogFilter(scope.filter);
  const all = (await side.glueReader.listDatabases()).map(canonicalDatabase);
  if (scope.requireNamedDatabases)
    assertNamedDatabasesExist(scope, side.region, new Set(all.map((db) => db.input.Name)));
  const databases = all.filter((db) => isDatabaseIncluded(filter, db.input.Name));
  if (scope.onUnmatched)
    for (const glob of unmatchedGlobs(
      scope.filter?.databases?.include,
      all.map((db) => db.input.Name),
    ))
      scope.onUnmatched(`--database/filters.databases.include '${glob}'`, side.region);
  const limit = pLimit(side.concurrency);
  const tables = (
    await Promise.all(databases.map((db) => limit(() => side.glueReader.listTables(db.input.Name))))
  )
    .flat()
    .map(canonicalTable)
    .filter((t) => isTableIncluded(filter, t.databaseName, t.input.Name));
  if (scope.onUnmatched && databases.length > 0)
    for (const glob of unmatchedGlobs(
      scope.filter?.tables?.include?.map((p) => (p.includes('.') ? p : `*.${p}`)),
      tables.map((t) => `${t.databaseName}.${t.input.Name}`),
    ))
      scope.onUnmatched(`filters.tables.include '${glob}'`, side.region);
  return { databases: sortRecords(databases), tables: sortRecords(tables) };
}

/**
 * The tag assignments on target databases and tables outside the filter. The planner never changes them,
 * but a tag value they carry is in use and must not be removed; read only when a plan would remove values.
 */
export async function readTagAssignmentsOutside(
  side: RegionSide,
  filterSpec: CatalogFilterSpec | undefined,
): Promise<SnapshotRecord[]> {
  const filter = createCatalogFilter(filterSpec);
  const databases = (await side.glueReader.listDatabases()).map(canonicalDatabase);
  const limit = pLimit(side.concurrency);
  const tables = (
    await Promise.all(databases.map((db) => limit(() => side.glueReader.listTables(db.input.Name))))
  )
    .flat()
    .map(canonicalTable)
    .filter((t) => !isTableIncluded(filter, t.databaseName, t.input.Name));
  const outside = databases.filter((db) => !isDatabaseIncluded(filter, db.input.Name));
  if (outside.length === 0 && tables.length === 0) return [];
  return readTagAssignments(side, outside, tables);
}

async function readLakeFormationBulk(
  side: RegionSide,
): Promise<{ records: SnapshotRecord[]; hasTags: boolean }> {
  const lf = side.lakeFormation;
  const [permissions, locations, tags, filters, settings, optIns] = await Promise.all([
    lf.listPermissions(),
    lf.listResources(),
    lf.listLfTags(),
    lf.listDataCellsFilters(),
    lf.getDataLakeSettings(),
    lf.listOptIns(),
  ]);
  const records: SnapshotRecord[] = [
    ...mergeGrants(permissions.map(canonicalGrant)),
    ...locations.map(canonicalLocation),
    ...tags.map(canonicalLfTag),
    ...filters.map(canonicalDataCellsFilter),
    ...optIns.map(canonicalOptIn),
  ];
  if (settings) records.push(canonicalDataLakeSettings(settings));
  // Tag assignments are read per resource; a Region without LF-Tags has none, so those calls are skipped.
  return { records, hasTags: tags.length > 0 };
}

async function readTagAssignments(
  side: RegionSide,
  databases: ReadonlyArray<{ input: { Name: string } }>,
  tables: readonly TableRecord[],
  onAssignments?: OnAssignments,
): Promise<SnapshotRecord[]> {
  const limit = pLimit(side.concurrency);
  const resources: Resource[] = [
    ...databases.map((db) => ({ Database: { Name: db.input.Name } })),
    ...tables.map((t) => ({ Table: { DatabaseName: t.databaseName, Name: t.input.Name } })),
  ];
  const answers = await Promise.all(
    resources.map((resource) =>
      limit(async () => {
        const records = assignmentRecords(resource, await side.lakeFormation.getResourceLfTags(resource));
        if (records.length > 0) onAssignments?.(records);
        return records;
      }),
    ),
  );
  return answers.flat();
}

/** One resource's GetResourceLFTags answer as assignment records: the resource's own, then one per column. */
function assignmentRecords(
  resource: Resource,
  tags: Awaited<ReturnType<RegionSide['lakeFormation']['getResourceLfTags']>>,
): SnapshotRecord[] {
  const records: SnapshotRecord[] = [];
  const onResource = resource.Database ? tags.LFTagOnDatabase : tags.LFTagsOnTable;
  const direct = canonicalLfTagAssignment(resource, onResource);
  if (direct) records.push(direct);
  for (const column of tags.LFTagsOnColumns ?? []) {
    if (!resource.Table || !column.Name) continue;
    const columnResource: Resource = {
      TableWithColumns: {
        DatabaseName: resource.Table.DatabaseName,
        Name: resource.Table.Name,
        ColumnNames: [column.Name],
      },
    };
    const assignment = canonicalLfTagAssignment(columnResource, column.LFTags);
    if (assignment) records.push(assignment);
  }
  return records;
}

/** Snapshot order: by kind (the snapshot's kind order), then by key; a total order, so sort is deterministic. */
export function sortRecords<T extends SnapshotRecord>(records: T[]): T[] {
  return records
    .map((record) => ({ record, rank: SNAPSHOT_KIND_ORDER.indexOf(record.kind), key: recordKey(record) }))
    .sort((a, b) => a.rank - b.rank || compareKeys(a.key, b.key))
    .map(({ record }) => record);
}
