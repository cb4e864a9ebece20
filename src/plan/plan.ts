import { recordKey } from '../model/keys.ts';
import type {
  LfTagAssignmentRecord,
  RecordKind,
  RecordOfKind,
  SnapshotRecord,
  SnapshotRecords,
} from '../model/records.ts';
import { isUnmapped, rewriteRecordForTarget } from './accountMapping.ts';
import type { Action, ActionOf } from './actions.ts';
import { diffByKey } from './diffByKey.ts';
import { type CatalogFilter, createCatalogFilter, isRecordIncluded, isTableIncluded } from './filters.ts';
import type { PlanOptions } from './options.ts';
import { orderActions } from './order.ts';
import { planCatalogObjects } from './planCatalogObjects.ts';
import { planCatalogs } from './planCatalogs.ts';
import { planDatabases } from './planDatabases.ts';
import { planDataCellsFilters } from './planDataCellsFilters.ts';
import { planDataLakeSettings } from './planDataLakeSettings.ts';
import { planGrants } from './planGrants.ts';
import { planLfTagAssignments } from './planLfTagAssignments.ts';
import { planLfTags } from './planLfTags.ts';
import { planLocations } from './planLocations.ts';
import { planTables } from './planTables.ts';
import { remapRecord } from './s3Remap.ts';
import { viewTables } from './viewRewrite.ts';

export type { AccountRewrite, ResourceLinkMapping } from './accountMapping.ts';
export { checkMaxDeletes } from './maxDeletes.ts';
export type { PlanOptions } from './options.ts';
export { planPartitions } from './planPartitions.ts';

/** A source record naming principals the account mapping cannot place in the target account. */
export interface UnmappedRecord {
  kind: RecordKind;
  /** The source record's key. */
  key: string;
  /** The principals (ARNs or account ids) no mapping places, sorted. */
  principals: string[];
  /** True when the rest of the record is still replicated (settings, database defaults); false for a grant. */
  partiallyApplied: boolean;
}

/** A plan and what it had to leave out. */
export interface PlanResult {
  actions: Action[];
  unmapped: UnmappedRecord[];
}

/**
 * What to do to make the target match the source, for every kind except partitions (see planPartitions).
 * Both sides are cut to the filter first, so objects outside it are neither created nor deleted; the source
 * is S3-remapped so locations compare against the target's buckets. `verify` is "this returns []".
 */
export function plan(source: SnapshotRecords, target: SnapshotRecords, options: PlanOptions): Action[] {
  return planWithReport(source, target, options).actions;
}

/**
 * `plan`, also answering the source records whose principals the account mapping could not place: they are
 * left out of the plan (never guessed) and the caller reports them.
 */
export function planWithReport(
  source: SnapshotRecords,
  target: SnapshotRecords,
  options: PlanOptions,
): PlanResult {
  const filter = createCatalogFilter(options.filter);
  const inScope = (records: SnapshotRecords) => records.filter((r) => isRecordIncluded(filter, r));
  const unmapped: UnmappedRecord[] = [];
  const forTarget = (record: SnapshotRecord): SnapshotRecord[] => {
    const remapped = remapRecord(record, options.s3Mapping, options.onUndecidedS3Reference);
    if (!options.accounts && !options.resourceLinkMapping && !options.regions) return [remapped];
    const result = rewriteRecordForTarget(remapped, {
      // Without accounts, both sides count as one account: only resource links and Regions are rewritten.
      ...(options.accounts ?? { sourceAccountId: '', targetAccountId: '' }),
      ...(options.regions ? { regions: options.regions } : {}),
      ...(options.accountMapping ? { accountMapping: options.accountMapping } : {}),
      ...(options.resourceLinkMapping ? { resourceLinkMapping: options.resourceLinkMapping } : {}),
    });
    if (!isUnmapped(result)) return [result];
    unmapped.push({
      kind: record.kind,
      key: recordKey(record),
      principals: result.unmapped,
      partiallyApplied: result.record !== undefined,
    });
    return result.record ? [result.record] : [];
  };
  if (options.onViewOutsideFilter) reportViewsOutside(inScope(source), filter, options);
  const from = byKind(inScope(source).flatMap(forTarget));
  const to = byKind(inScope(target));
  const actions: Action[] = [];
  if (options.catalog) {
    actions.push(...planCatalogs(from.catalog, to.catalog, options));
    actions.push(...planDatabases(from.database, to.database, options));
    actions.push(...planTables(from.table, to.table, options));
    actions.push(...planCatalogObjects(from, to, options));
  }
  if (options.permissions) {
    actions.push(...planDataLakeSettings(from.dataLakeSettings, to.dataLakeSettings, options));
    actions.push(...planDataCellsFilters(from.dataCellsFilter, to.dataCellsFilter, options));
    actions.push(...planLocations(from.location, to.location, options));
    const assignmentActions = planLfTagAssignments(from.lfTagAssignment, to.lfTagAssignment, options);
    // Every target assignment counts, in scope or not, as it will be after this plan: a value assigned
    // anywhere then must not be removed; one this plan unassigns can go (value removals run last).
    const targetAssignments = assignmentsAfter(byKind(target).lfTagAssignment, assignmentActions);
    actions.push(...planLfTags(from.lfTag, to.lfTag, { ...options, targetAssignments }));
    actions.push(...assignmentActions);
    actions.push(...planGrants(from.grant, to.grant, options));
    actions.push(...diffByKey('optIn', from.optIn, to.optIn, options));
  }
  return { actions: orderActions(actions), unmapped };
}

/** Tells of each view in scope that reads a table of the source account outside the filters. */
function reportViewsOutside(records: SnapshotRecords, filter: CatalogFilter, options: PlanOptions): void {
  for (const record of records) {
    if (record.kind !== 'table') continue;
    const outside = viewTables(record, options.accounts?.sourceAccountId)
      .filter(({ database, table }) => !isTableIncluded(filter, database, table))
      .map(({ database, table }) => `${database}.${table}`);
    if (outside.length > 0) options.onViewOutsideFilter?.({ key: recordKey(record), tables: outside });
  }
}

/** The target's tag assignments once `actions` are applied. */
function assignmentsAfter(
  current: readonly LfTagAssignmentRecord[],
  actions: readonly ActionOf<'lfTagAssignment'>[],
): LfTagAssignmentRecord[] {
  const byKey = new Map(current.map((a) => [recordKey(a), a]));
  for (const action of actions) {
    if (action.op === 'delete') byKey.delete(action.key);
    else if (action.desired) byKey.set(action.key, action.desired);
  }
  return [...byKey.values()];
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
    partitionIndex: [],
    function: [],
    columnStatistics: [],
    optIn: [],
    catalog: [],
    tableOptimizer: [],
  };
  for (const record of records) (groups[record.kind] as RecordOfKind<typeof record.kind>[]).push(record);
  return groups;
}
