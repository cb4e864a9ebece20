import type { LocalCloud } from '../src/localcloud/server.ts';
import { partitionKey } from '../src/localcloud/services/glue/partitionStore.ts';
import { glueStateOf, type StoredTable } from '../src/localcloud/services/glue/state.ts';
import { filterKey } from '../src/localcloud/services/lakeformation/dataCellsFilters.ts';
import { normalizeResource, resourceKey } from '../src/localcloud/services/lakeformation/resources.ts';
import { lakeFormationStateOf } from '../src/localcloud/services/lakeformation/state.ts';
import type { GeneratedLake } from './generateLake.ts';
import {
  LAKE_EPOCH,
  partitionsOf,
  storedDatabase,
  storedFunction,
  storedStatistics,
  storedTable,
} from './lakeCatalog.ts';

const LOADER = 'arn:aws:iam::123456789012:role/bench-loader';

/**
 * Writes a generated lake straight into one Region's emulator state (Glue and Lake Formation slices), in the
 * shapes the handlers store. Loading is setup, not the measured work: a million partitions load in seconds
 * instead of the ~10,000 BatchCreatePartition calls the API would take. Partitions stream per table.
 */
export function loadLakeIntoCloud(
  cloud: Pick<LocalCloud, 'state'>,
  region: string,
  lake: GeneratedLake,
): void {
  const regionState = cloud.state.get(lake.accountId, region);
  const glue = glueStateOf(regionState);
  for (const db of lake.databases)
    glue.databases[db.name] = { database: storedDatabase(db, lake.accountId), tables: {} };
  for (const table of lake.tables) {
    const stored: StoredTable = { table: storedTable(table, lake.accountId), versions: [], partitions: {} };
    if (table.partitionIndexes > 0) stored.indexes = { by_dt: { IndexName: 'by_dt', Keys: ['dt'] } };
    if (table.statisticsColumns > 0) stored.statistics = storedStatistics(table);
    for (const partition of partitionsOf(table, lake.accountId)) {
      stored.partitions[partitionKey(partition.Values)] = partition;
    }
    glue.databases[table.database]!.tables[table.name] = stored;
  }
  for (const fn of lake.functions)
    glue.databases[fn.database]!.functions = { [fn.name]: storedFunction(fn, lake.accountId) };
  const lf = lakeFormationStateOf(regionState);
  lf.settings = structuredClone(lake.lf.settings);
  for (const location of lake.lf.locations) {
    lf.resources[location.ResourceArn] = {
      ...location,
      LastModified: LAKE_EPOCH,
      WithFederation: false,
      HybridAccessEnabled: false,
    };
  }
  for (const tag of lake.lf.lfTags) lf.lfTags[tag.TagKey] = { CatalogId: lake.accountId, ...tag };
  for (const filter of lake.lf.filters) {
    lf.dataCellsFilters[filterKey(filter.DatabaseName, filter.TableName, filter.Name)] =
      structuredClone(filter);
  }
  for (const { resource, tags } of lake.lf.assignments) {
    const normalized = normalizeResource(resource, lake.accountId);
    lf.resourceTags[resourceKey(normalized)] = { resource: normalized, tags: structuredClone(tags) };
  }
  lf.permissions = lake.lf.grants.map((grant) => ({
    Principal: { DataLakePrincipalIdentifier: grant.principal },
    Resource: normalizeResource(grant.resource, lake.accountId),
    Permissions: [...grant.permissions].sort(),
    PermissionsWithGrantOption: [...grant.grantable].sort(),
    LastUpdated: LAKE_EPOCH,
    LastUpdatedBy: LOADER,
  }));
}
