import { databaseKey, partitionKey, recordKey, tableKey } from '../model/keys.ts';
import type { LfResource } from '../model/lfShapes.ts';
import type { SnapshotRecord } from '../model/records.ts';
import { viewTables } from './viewRewrite.ts';

/*
 * What must exist in a Region before an object can be created there, as object references
 * (`database:sales`, `table:sales.orders`, `lfTag:env`, …). The early apply of a sync waits on exactly these,
 * so a grant on one table goes out as soon as that table exists rather than after every table does.
 */

/** The reference other objects use to name this one: `<kind>:<record key>`. */
export function objectRef(record: SnapshotRecord): string {
  return `${record.kind}:${recordKey(record)}`;
}

/** The data lake settings: new databases take their default permissions from them, so they come first. */
export const SETTINGS_REF = 'dataLakeSettings:settings';

const databaseRef = (name: string) => `database:${databaseKey(name)}`;
const tableRef = (databaseName: string, name: string) => `table:${tableKey(databaseName, name)}`;
const lfTagRef = (key: string) => `lfTag:${key}`;

/** The objects an LF resource names (a grant's or a tag assignment's resource). */
export function resourcePrerequisites(resource: LfResource): string[] {
  if (resource.Database) return [databaseRef(resource.Database.Name)];
  if (resource.Table) {
    const { DatabaseName, Name } = resource.Table;
    return [Name === undefined ? databaseRef(DatabaseName) : tableRef(DatabaseName, Name)];
  }
  if (resource.TableWithColumns)
    return [tableRef(resource.TableWithColumns.DatabaseName, resource.TableWithColumns.Name)];
  if (resource.DataLocation) return [`location:${resource.DataLocation.ResourceArn}`];
  if (resource.LFTag) return [lfTagRef(resource.LFTag.TagKey)];
  if (resource.LFTagPolicy) return resource.LFTagPolicy.Expression.map((e) => lfTagRef(e.TagKey));
  if (resource.DataCellsFilter) {
    const { DatabaseName, TableName, Name } = resource.DataCellsFilter;
    return [`dataCellsFilter:${tableKey(DatabaseName, TableName)}.${Name}`];
  }
  return [];
}

/** The references `record` needs to exist before it is created. */
export function prerequisites(record: SnapshotRecord): string[] {
  switch (record.kind) {
    case 'database':
      return [SETTINGS_REF];
    case 'table':
      // A view waits for the tables it names (those in the same catalog; others are not this run's).
      return [
        databaseRef(record.databaseName),
        ...viewTables(record).map(({ database, table }) => tableRef(database, table)),
      ];
    case 'partition':
      return [tableRef(record.databaseName, record.tableName)];
    case 'dataCellsFilter':
      return [tableRef(record.filter.DatabaseName, record.filter.TableName)];
    case 'lfTagAssignment':
      return [...resourcePrerequisites(record.resource), ...record.tags.map((t) => lfTagRef(t.key))];
    case 'grant':
      return resourcePrerequisites(record.resource);
    case 'function':
      return [databaseRef(record.databaseName)];
    case 'partitionIndex':
    case 'tableOptimizer':
      return [tableRef(record.databaseName, record.tableName)];
    case 'columnStatistics':
      return record.partitionValues
        ? [`partition:${partitionKey(record.databaseName, record.tableName, record.partitionValues)}`]
        : [tableRef(record.databaseName, record.tableName)];
    // Its principal's grants come first by APPLY_ORDER; the early pass leaves opt-ins to the second pass.
    case 'optIn':
      return resourcePrerequisites(record.resource);
    // A catalog inside another waits for its parent (`s3tablescatalog/bucket` for `s3tablescatalog`).
    case 'catalog':
      return record.name.includes('/')
        ? [`catalog:${record.name.slice(0, record.name.lastIndexOf('/'))}`]
        : [];
    case 'location':
    case 'lfTag':
    case 'dataLakeSettings':
      return [];
  }
}
