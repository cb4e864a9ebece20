import { stableStringify } from '../../model/stableStringify.ts';

/**
 * What a CloudTrail event says changed. Events are triggers, not payloads: the replayer re-reads the
 * object named here from the source and reconciles it state-based.
 */
export type ObjectRef =
  | { kind: 'database'; database: string }
  | { kind: 'table'; database: string; table: string }
  | { kind: 'partition'; database: string; table: string; values: string[] }
  /** Every partition of the table: a batch call whose partition values CloudTrail did not keep. */
  | { kind: 'partitions'; database: string; table: string }
  /** All grants on one LF resource (canonical SDK shape, no CatalogId); the principal is irrelevant. */
  | { kind: 'permissions'; resource: LfResource }
  | { kind: 'location'; resourceArn: string }
  | { kind: 'lfTag'; tagKey: string }
  | { kind: 'lfTagAssignment'; resource: LfResource }
  /** `name` absent: every filter of the table (what a deleted table took with it). */
  | { kind: 'dataCellsFilter'; database: string; table: string; name?: string }
  | { kind: 'dataLakeSettings' }
  /** Every partition index of one table (an index cannot change in place, so they are reconciled together). */
  | { kind: 'partitionIndexes'; database: string; table: string }
  /** Every optimizer of one table (all types: one BatchGetTableOptimizer reads them). */
  | { kind: 'tableOptimizers'; database: string; table: string }
  /** One user-defined function; `name` absent: every function of the database. */
  | { kind: 'function'; database: string; name?: string }
  /** The column statistics of a table, or of one partition (`values`). */
  | { kind: 'columnStatistics'; database: string; table: string; values?: string[] }
  /** Every opt-in on one LF resource (canonical SDK shape); the principal is irrelevant, as for grants. */
  | { kind: 'optIns'; resource: LfResource }
  /** A Glue catalog below the account's default one, by its path (`fed_pg`, `s3tablescatalog/bucket`). */
  | { kind: 'glueCatalog'; path: string }
  /**
   * The objects could not be named (omitted/truncated requestParameters): reconcile broadly. `database`
   * narrows that to one database — its tables, partitions, filters, and the grants and tag assignments on
   * them (what a deleted database takes with it) — instead of the whole lake. `account`: only the objects tied
   * to no database (data lake settings, LF-Tags, locations, catalogs below the default one, Catalog, DataLocation
   * and LF-Tag grants), which the reconcile cycle compares once a cycle beside its databases.
   */
  | { kind: 'catalog'; database?: string; account?: true };

export type ObjectKind = ObjectRef['kind'];

/** A Lake Formation `Resource` in the SDK's PascalCase shape, canonical (see `canonicalLfResource`). */
export type LfResource = Record<string, unknown>;

/** A stable string per object, e.g. `table:sales.orders`, `partition:sales.orders/["2024-01-01"]`. */
export function objectKey(ref: ObjectRef): string {
  switch (ref.kind) {
    case 'database':
      return `database:${ref.database}`;
    case 'table':
      return `table:${ref.database}.${ref.table}`;
    case 'partition':
      return `partition:${ref.database}.${ref.table}/${JSON.stringify(ref.values)}`;
    case 'partitions':
      return `partitions:${ref.database}.${ref.table}`;
    case 'permissions':
      return `permissions:${stableStringify(ref.resource)}`;
    case 'location':
      return `location:${ref.resourceArn}`;
    case 'lfTag':
      return `lfTag:${ref.tagKey}`;
    case 'lfTagAssignment':
      return `lfTagAssignment:${stableStringify(ref.resource)}`;
    case 'dataCellsFilter':
      return `dataCellsFilter:${ref.database}.${ref.table}.${ref.name ?? '*'}`;
    case 'dataLakeSettings':
      return 'dataLakeSettings';
    case 'partitionIndexes':
    case 'tableOptimizers':
      return `${ref.kind}:${ref.database}.${ref.table}`;
    case 'function':
      return `function:${ref.database}.${ref.name ?? '*'}`;
    case 'columnStatistics':
      return `columnStatistics:${ref.database}.${ref.table}${ref.values ? `/${JSON.stringify(ref.values)}` : ''}`;
    case 'optIns':
      return `optIns:${stableStringify(ref.resource)}`;
    case 'glueCatalog':
      return `glueCatalog:${ref.path}`;
    case 'catalog':
      if (ref.account) return 'account';
      return ref.database === undefined ? 'catalog' : `catalog:${ref.database}`;
  }
}
