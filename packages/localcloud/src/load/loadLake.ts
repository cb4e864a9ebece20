import { partitionKey } from '../services/glue/partitionStore.ts';
import { glueStateOf, type StoredTable } from '../services/glue/state.ts';
import { filterKey } from '../services/lakeformation/dataCellsFilters.ts';
import { normalizeResource, resourceKey } from '../services/lakeformation/resources.ts';
import { lakeFormationStateOf } from '../services/lakeformation/state.ts';
import type { RegionState } from '../state.ts';

type Resource = Record<string, any>;
type TagPair = { TagKey: string; TagValues: string[] };

/** One table to load: its Glue Table structure (GetTable's answer) and its partitions (GetPartition's). */
export interface LakeImageTable {
  database: string;
  table: Record<string, any>;
  partitions?: Iterable<Record<string, any>>;
  /** Partition indexes as `{ IndexName, Keys }` (key names), as CreatePartitionIndex stores them. */
  indexes?: Array<{ IndexName: string; Keys: string[] }>;
  /** Column statistics of the table by column name, each a ColumnStatistics as UpdateColumnStatisticsForTable takes it. */
  statistics?: Record<string, Record<string, any>>;
}

/** A user-defined function of a database, as GetUserDefinedFunction answers it. */
export interface LakeImageFunction {
  database: string;
  function: { FunctionName: string } & Record<string, any>;
}

/** Lake Formation objects in request shapes (resources without CatalogId: the loader normalizes them). */
export interface LakeImageLakeFormation {
  settings?: Record<string, any>;
  locations?: Array<{ ResourceArn: string; RoleArn: string } & Record<string, any>>;
  lfTags?: TagPair[];
  assignments?: Array<{ resource: Resource; tags: TagPair[] }>;
  filters?: Array<Record<string, any>>;
  grants?: Array<{ principal: string; resource: Resource; permissions: string[]; grantable: string[] }>;
}

/** A catalog and its permissions, as one account and Region of the emulator should hold them. */
export interface LakeImage {
  accountId: string;
  /** Glue Database structures (GetDatabase's answer); `Name` is the key. */
  databases: Array<{ Name: string } & Record<string, any>>;
  /** Tables stream: partitions are read one table at a time. */
  tables: Iterable<LakeImageTable>;
  functions?: LakeImageFunction[];
  lakeFormation?: LakeImageLakeFormation;
  /** Epoch seconds stamped on locations and grants (default: now). */
  modifiedAt?: number;
  /** Who the grants say made them (default a loader role in the account). */
  modifiedBy?: string;
}

/**
 * Writes a lake straight into one Region's state, in the shapes the handlers store. For setup that the API
 * would make slow (a million partitions load in seconds instead of ~10,000 BatchCreatePartition calls); what
 * is loaded answers every read exactly as if it had been created through the API.
 */
export function loadLake(
  cloud: { state: { get(account: string, region: string): RegionState } },
  region: string,
  lake: LakeImage,
): void {
  const regionState = cloud.state.get(lake.accountId, region);
  const glue = glueStateOf(regionState);
  for (const db of lake.databases) glue.databases[db.Name] = { database: db, tables: {} };
  for (const { database, table, partitions, indexes, statistics } of lake.tables) {
    const stored: StoredTable = { table, versions: [], partitions: {} };
    for (const partition of partitions ?? []) stored.partitions[partitionKey(partition.Values)] = partition;
    if (indexes?.length)
      stored.indexes = Object.fromEntries(indexes.map((index) => [index.IndexName, index]));
    if (statistics) stored.statistics = statistics;
    const holder = glue.databases[database];
    if (!holder)
      throw new Error(`loadLake: table ${table.Name} names database ${database}, which the image lacks`);
    holder.tables[table.Name] = stored;
  }
  for (const { database, function: fn } of lake.functions ?? []) {
    const holder = glue.databases[database];
    if (!holder)
      throw new Error(
        `loadLake: function ${fn.FunctionName} names database ${database}, which the image lacks`,
      );
    holder.functions = { ...holder.functions, [fn.FunctionName.toLowerCase()]: fn };
  }
  if (lake.lakeFormation) loadLakeFormation(regionState, lake);
}

function loadLakeFormation(regionState: RegionState, lake: LakeImage): void {
  const source = lake.lakeFormation!;
  const at = lake.modifiedAt ?? Math.floor(Date.now() / 1000);
  const by = lake.modifiedBy ?? `arn:aws:iam::${lake.accountId}:role/localcloud-loader`;
  const lf = lakeFormationStateOf(regionState);
  if (source.settings) lf.settings = structuredClone(source.settings);
  for (const location of source.locations ?? []) {
    lf.resources[location.ResourceArn] = {
      ...location,
      LastModified: at,
      WithFederation: false,
      HybridAccessEnabled: false,
    };
  }
  for (const tag of source.lfTags ?? []) lf.lfTags[tag.TagKey] = { CatalogId: lake.accountId, ...tag };
  for (const filter of source.filters ?? []) {
    lf.dataCellsFilters[filterKey(filter.DatabaseName, filter.TableName, filter.Name)] =
      structuredClone(filter);
  }
  for (const { resource, tags } of source.assignments ?? []) {
    const normalized = normalizeResource(resource, lake.accountId);
    lf.resourceTags[resourceKey(normalized)] = { resource: normalized, tags: structuredClone(tags) };
  }
  for (const grant of source.grants ?? []) {
    lf.permissions.push({
      Principal: { DataLakePrincipalIdentifier: grant.principal },
      Resource: normalizeResource(grant.resource, lake.accountId),
      Permissions: [...grant.permissions].sort(),
      PermissionsWithGrantOption: [...grant.grantable].sort(),
      LastUpdated: at,
      LastUpdatedBy: by,
    });
  }
}
