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
  canonicalTable,
  mergeGrants,
} from '../model/canonical.ts';
import { LakemirrorError } from '../model/errors.ts';
import { compareKeys, recordKey } from '../model/keys.ts';
import type { SnapshotRecord, TableRecord } from '../model/records.ts';
import {
  type CatalogFilterSpec,
  createCatalogFilter,
  isDatabaseIncluded,
  isTableIncluded,
} from '../plan/filters.ts';
import type { RegionSide } from './regionSide.ts';

export interface ReadScope {
  filter?: CatalogFilterSpec;
  catalog: boolean;
  permissions: boolean;
  /** Source side: a database named (not a glob) in `filters.databases.include` must exist. */
  requireNamedDatabases?: boolean;
}

const GLOB = /[*?]/;

/** A literal database name in the include list that the source does not have is a config error, not a no-op. */
function assertNamedDatabasesExist(scope: ReadScope, region: string, names: ReadonlySet<string>): void {
  const named = (scope.filter?.databases?.include ?? []).filter((p) => !GLOB.test(p));
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

/**
 * Reads everything but partitions from one Region, canonical and in key order: databases and tables
 * inside the filter, and the Lake Formation state (grants, locations, LF-Tags and their assignments,
 * data cells filters, settings). Databases outside the filter are not read at all.
 */
export async function readCatalogRecords(side: RegionSide, scope: ReadScope): Promise<SnapshotRecord[]> {
  const filter = createCatalogFilter(scope.filter);
  const all = (await side.glueReader.listDatabases()).map(canonicalDatabase);
  if (scope.requireNamedDatabases)
    assertNamedDatabasesExist(scope, side.region, new Set(all.map((db) => db.input.Name)));
  const databases = all.filter((db) => isDatabaseIncluded(filter, db.input.Name));
  const limit = pLimit(side.concurrency);
  const tables = (
    await Promise.all(databases.map((db) => limit(() => side.glueReader.listTables(db.input.Name))))
  )
    .flat()
    .map(canonicalTable)
    .filter((t) => isTableIncluded(filter, t.databaseName, t.input.Name));
  const records: SnapshotRecord[] = [];
  if (scope.catalog || scope.permissions) records.push(...databases, ...tables);
  if (scope.permissions) records.push(...(await readLakeFormationRecords(side, databases, tables)));
  return sortRecords(records);
}

async function readLakeFormationRecords(
  side: RegionSide,
  databases: ReadonlyArray<{ input: { Name: string } }>,
  tables: readonly TableRecord[],
): Promise<SnapshotRecord[]> {
  const lf = side.lakeFormation;
  const [permissions, locations, tags, filters, settings] = await Promise.all([
    lf.listPermissions(),
    lf.listResources(),
    lf.listLfTags(),
    lf.listDataCellsFilters(),
    lf.getDataLakeSettings(),
  ]);
  const records: SnapshotRecord[] = [
    ...mergeGrants(permissions.map(canonicalGrant)),
    ...locations.map(canonicalLocation),
    ...tags.map(canonicalLfTag),
    ...filters.map(canonicalDataCellsFilter),
  ];
  if (settings) records.push(canonicalDataLakeSettings(settings));
  // Tag assignments are read per resource; a Region without LF-Tags has none, so skip the calls.
  if (tags.length > 0) records.push(...(await readTagAssignments(side, databases, tables)));
  return records;
}

async function readTagAssignments(
  side: RegionSide,
  databases: ReadonlyArray<{ input: { Name: string } }>,
  tables: readonly TableRecord[],
): Promise<SnapshotRecord[]> {
  const limit = pLimit(side.concurrency);
  const resources: Resource[] = [
    ...databases.map((db) => ({ Database: { Name: db.input.Name } })),
    ...tables.map((t) => ({ Table: { DatabaseName: t.databaseName, Name: t.input.Name } })),
  ];
  const answers = await Promise.all(
    resources.map((resource) =>
      limit(async () => ({ resource, tags: await side.lakeFormation.getResourceLfTags(resource) })),
    ),
  );
  const records: SnapshotRecord[] = [];
  for (const { resource, tags } of answers) {
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
  }
  return records;
}

/** Snapshot order within each kind: by key. (Kinds are ordered by the snapshot writer's caller.) */
export function sortRecords<T extends SnapshotRecord>(records: T[]): T[] {
  return records
    .map((record) => ({ record, key: recordKey(record) }))
    .sort((a, b) => (a.record.kind === b.record.kind ? compareKeys(a.key, b.key) : 0))
    .map(({ record }) => record);
}
