import type { RecordKind, RecordOfKind, SnapshotRecords } from '../model/records.ts';
import type { Action } from './actions.ts';
import { createCatalogFilter, isRecordIncluded } from './filters.ts';
import type { PlanOptions } from './options.ts';
import { orderActions } from './order.ts';
import { planDatabases } from './planDatabases.ts';
import { planDataCellsFilters } from './planDataCellsFilters.ts';
import { planDataLakeSettings } from './planDataLakeSettings.ts';
import { planGrants } from './planGrants.ts';
import { planLfTagAssignments } from './planLfTagAssignments.ts';
import { planLfTags } from './planLfTags.ts';
import { planLocations } from './planLocations.ts';
import { planTables } from './planTables.ts';
import { remapRecord } from './s3Remap.ts';

export { checkMaxDeletes } from './maxDeletes.ts';
export type { PlanOptions } from './options.ts';
export { planPartitions } from './planPartitions.ts';

/**
 * What to do to make the target match the source, for every kind except partitions (see planPartitions).
 * Both sides are cut to the filter first, so objects outside it are neither created nor deleted; the source
 * is S3-remapped so locations compare against the target's buckets. `verify` is "this returns []".
 */
export function plan(source: SnapshotRecords, target: SnapshotRecords, options: PlanOptions): Action[] {
  const filter = createCatalogFilter(options.filter);
  const inScope = (records: SnapshotRecords) => records.filter((r) => isRecordIncluded(filter, r));
  const from = byKind(inScope(source).map((r) => remapRecord(r, options.s3Mapping)));
  const to = byKind(inScope(target));
  const actions: Action[] = [];
  if (options.catalog) {
    actions.push(...planDatabases(from.database, to.database, options));
    actions.push(...planTables(from.table, to.table, options));
  }
  if (options.permissions) {
    actions.push(...planDataLakeSettings(from.dataLakeSettings, to.dataLakeSettings, options));
    actions.push(...planDataCellsFilters(from.dataCellsFilter, to.dataCellsFilter, options));
    actions.push(...planLocations(from.location, to.location, options));
    // Every target assignment counts, in scope or not: a value assigned anywhere must not be removed.
    const targetAssignments = byKind(target).lfTagAssignment;
    actions.push(...planLfTags(from.lfTag, to.lfTag, { ...options, targetAssignments }));
    actions.push(...planLfTagAssignments(from.lfTagAssignment, to.lfTagAssignment, options));
    actions.push(...planGrants(from.grant, to.grant, options));
  }
  return orderActions(actions);
}

type RecordsByKind = { [K in RecordKind]: RecordOfKind<K>[] };

function byKind(records: SnapshotRecords): RecordsByKind {
  const groups: RecordsByKind = {
    database: [],
    table: [],
    partition: [],
    grant: [],
    location: [],
    lfTag: [],
    lfTagAssignment: [],
    dataCellsFilter: [],
    dataLakeSettings: [],
  };
  for (const record of records) (groups[record.kind] as RecordOfKind<typeof record.kind>[]).push(record);
  return groups;
}
