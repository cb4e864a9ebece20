import type { Resource } from '@aws-sdk/client-lakeformation';
import { ignoreNotFound } from '../../aws/ignoreNotFound.ts';
import { awsResource } from '../../engine/apply/permissionRequests.ts';
import { readPartitionRecords, sortPartitions } from '../../engine/readPartitionRecords.ts';
import type { RegionSide } from '../../engine/regionSide.ts';
import {
  canonicalCatalog,
  canonicalDatabase,
  canonicalDataCellsFilter,
  canonicalDataLakeSettings,
  canonicalGrant,
  canonicalLfTag,
  canonicalLfTagAssignment,
  canonicalLocation,
  canonicalOptIn,
  canonicalPartition,
  canonicalTable,
  mergeGrants,
} from '../../model/canonical.ts';
import { resourceKey } from '../../model/keys.ts';
import type { LfResource } from '../../model/lfShapes.ts';
import type { LfTagAssignmentRecord, PartitionRecord, SnapshotRecord } from '../../model/records.ts';
import { remapS3Uri, type S3Mapping } from '../../plan/s3Remap.ts';
import { readCatalogObjectScope } from './readObjectScope.ts';
import type { Scope } from './units.ts';

/** Scopes read as records (partitions and broad reconciles are read differently). */
export type RecordScope = Exclude<Scope, { kind: 'partitions' | 'broad' }>;
export type PartitionScope = Extract<Scope, { kind: 'partitions' }>;

/**
 * The scope as the target names it: registered locations and DataLocation grants live under the target's
 * bucket (the planner remaps the source the same way before comparing).
 */
export function targetScope<S extends Scope>(scope: S, mapping: S3Mapping): S {
  if (scope.kind === 'location') return { ...scope, resourceArn: remapS3Uri(scope.resourceArn, mapping) };
  if (scope.kind === 'grants' && scope.resource.DataLocation) {
    const ResourceArn = remapS3Uri(scope.resource.DataLocation.ResourceArn, mapping);
    return { ...scope, resource: { DataLocation: { ResourceArn } } };
  }
  return scope;
}

/**
 * The SDK resource for a request on `side`: data cells filters need their table's catalog, and an object of a
 * catalog below the default one its multi-level CatalogId.
 */
function requestResource(resource: LfResource, side: RegionSide): Resource {
  const filter = resource.DataCellsFilter;
  if (filter) return { DataCellsFilter: { ...filter, TableCatalogId: side.accountId } };
  return awsResource(resource, side.accountId);
}

/** Grants on the resource; on a named table also those on its columns, as ListPermissions returns them. */
async function readGrants(side: RegionSide, resource: LfResource): Promise<SnapshotRecord[]> {
  const entries =
    (await ignoreNotFound(() =>
      side.lakeFormation.listPermissions({ resource: requestResource(resource, side) }),
    )) ?? [];
  const wanted = resourceKey(resource);
  const table = resource.Table?.Name === undefined ? undefined : resource.Table;
  const inScope = (grant: { resource: LfResource }) => {
    if (resourceKey(grant.resource) === wanted) return true;
    const columns = grant.resource.TableWithColumns;
    return Boolean(
      table &&
        columns?.DatabaseName === table.DatabaseName &&
        columns.Name === table.Name &&
        columns.CatalogPath === table.CatalogPath,
    );
  };
  return mergeGrants(entries.map(canonicalGrant).filter(inScope));
}

/** Tags assigned directly to a database, or to a table and each of its columns (snapshot shape). */
async function readTagAssignments(side: RegionSide, resource: LfResource): Promise<SnapshotRecord[]> {
  const tags = await ignoreNotFound(() => side.lakeFormation.getResourceLfTags(resource as Resource));
  if (!tags) return [];
  const records: Array<LfTagAssignmentRecord | undefined> = [];
  if (resource.Database) records.push(canonicalLfTagAssignment(resource as Resource, tags.LFTagOnDatabase));
  const table = resource.Table;
  if (table?.Name !== undefined) {
    records.push(canonicalLfTagAssignment(resource as Resource, tags.LFTagsOnTable));
    for (const column of tags.LFTagsOnColumns ?? []) {
      if (!column.Name) continue;
      const columns = { DatabaseName: table.DatabaseName, Name: table.Name, ColumnNames: [column.Name] };
      records.push(canonicalLfTagAssignment({ TableWithColumns: columns }, column.LFTags));
    }
  }
  return records.filter((r): r is LfTagAssignmentRecord => r !== undefined);
}

/** The current state of a scope on one side, canonical: what the planner compares. */
export async function readScope(side: RegionSide, scope: RecordScope): Promise<SnapshotRecord[]> {
  const { glueReader: glue, lakeFormation: lf } = side;
  switch (scope.kind) {
    case 'database': {
      const database = await glue.getDatabase(scope.database);
      return database ? [canonicalDatabase(database)] : [];
    }
    case 'table': {
      const table = await glue.getTable(scope.database, scope.table);
      return table ? [canonicalTable({ ...table, DatabaseName: table.DatabaseName ?? scope.database })] : [];
    }
    case 'dataCellsFilter': {
      const filters =
        (await ignoreNotFound(() =>
          lf.listDataCellsFilters({ DatabaseName: scope.database, Name: scope.table }),
        )) ?? [];
      return filters
        .map(canonicalDataCellsFilter)
        .filter((r) => scope.name === undefined || r.filter.Name === scope.name);
    }
    case 'location':
      return (await lf.listResources())
        .filter((info) => info.ResourceArn === scope.resourceArn)
        .map(canonicalLocation);
    case 'lfTag':
      return (await lf.listLfTags()).filter((tag) => tag.TagKey === scope.tagKey).map(canonicalLfTag);
    case 'lfTagAssignment':
      return readTagAssignments(side, scope.resource);
    case 'grants':
      return readGrants(side, scope.resource);
    case 'optIns': {
      const wanted = resourceKey(scope.resource);
      const optIns = (await ignoreNotFound(() => lf.listOptIns(requestResource(scope.resource, side)))) ?? [];
      return optIns.map(canonicalOptIn).filter((r) => resourceKey(r.resource) === wanted);
    }
    case 'glueCatalog': {
      const catalog = await side.glueObjects.catalogs.get(scope.path);
      return catalog ? [canonicalCatalog(catalog)] : [];
    }
    case 'dataLakeSettings': {
      const settings = await lf.getDataLakeSettings();
      return settings ? [canonicalDataLakeSettings(settings)] : [];
    }
    case 'partitionIndexes':
    case 'tableOptimizers':
    case 'function':
    case 'columnStatistics':
      return readCatalogObjectScope(side, scope);
  }
}

/**
 * The named partitions (one BatchGetPartition per 1000) or all of them, canonical and sorted;
 * `undefined` when the table itself does not exist on this side.
 */
export async function readPartitions(
  side: RegionSide,
  scope: PartitionScope,
): Promise<PartitionRecord[] | undefined> {
  const { database, table, values } = scope;
  return ignoreNotFound(async () => {
    if (!values) return readPartitionRecords(side, database, table);
    const found = await side.glueReader.getPartitions(database, table, values);
    return sortPartitions(
      found.map((p) => canonicalPartition({ ...p, DatabaseName: database, TableName: table })),
    );
  });
}
