import { sha256 } from '../model/hash.ts';
import type { RecordKind, SnapshotRecord } from '../model/records.ts';
import { stableStringify } from '../model/stableStringify.ts';
import type { ActionOp } from '../plan/actions.ts';

/**
 * One JSON line of the audit log. A write call gets two: an `intent` record, durable before the call goes out,
 * and its outcome (`ok` or `error`, same `call` id) once it answers; a run killed in between leaves the intent
 * alone (`lakemirror audit` shows it as `unknown`). A batch call is one record listing the keys it wrote
 * (`values`: a table's partitions; `objects`: grant keys), with `failures` naming only the items that failed.
 * Lines without `call` are single-object outcomes written before intents existed. Hashes are of the canonical
 * record (`stableStringify`), on single-object intents only; `null` on the side that does not exist.
 */
export interface AuditRecord {
  schemaVersion: 1;
  /** ISO 8601, when the write answered. */
  time: string;
  runId: string;
  /** The caller identity ARN of the side written (STS GetCallerIdentity). */
  principal: string;
  region: string;
  accountId: string;
  /** The AWS operation, e.g. `CreateTable`, `BatchCreatePartition`, `BatchGrantPermissions`. */
  operation: string;
  /**
   * `lease` for `unlock`, which breaks a target's lease (object `lease:<region>`); `failover` for a step of
   * failover (object `failover:<region>/<step>`).
   */
  kind: RecordKind | 'lease' | 'failover';
  op: ActionOp;
  /**
   * The record key, e.g. `sales.orders`, `<principal>|table:sales.orders`; a batch call of partitions names the
   * table (its `values` name the partitions), a batch of grants says how many (its `objects` list them).
   */
  object: string;
  beforeHash?: string | null;
  afterHash?: string | null;
  result: 'intent' | 'ok' | 'error';
  /** Links an intent to its outcome: `<run id prefix>#<n>`, unique within the run. */
  call?: string;
  /** Partition values of a batch partition call (intent only); `object` is the table. */
  values?: string[][];
  /** Keys of a batch call's objects other than partitions (intent only). */
  objects?: string[];
  /** The items of a batch call that failed (outcome only); the others succeeded. */
  failures?: AuditFailure[];
  errorCode?: string;
  errorMessage?: string;
  /** What a record that is not an object write did, e.g. whose lease `unlock` broke. */
  detail?: string;
}

/** One failed item of a batch call: its key, as `object` in the expanded view, and the error. */
export interface AuditFailure {
  object: string;
  errorCode: string;
  errorMessage: string;
}

const OPERATIONS: Record<RecordKind, Record<ActionOp, string>> = {
  database: { create: 'CreateDatabase', update: 'UpdateDatabase', delete: 'DeleteDatabase' },
  table: { create: 'CreateTable', update: 'UpdateTable', delete: 'DeleteTable' },
  partition: {
    create: 'BatchCreatePartition',
    update: 'BatchUpdatePartition',
    delete: 'BatchDeletePartition',
  },
  grant: {
    create: 'BatchGrantPermissions',
    update: 'BatchGrantPermissions',
    delete: 'BatchRevokePermissions',
  },
  location: {
    create: 'RegisterResource',
    // Deregister then register where UpdateResource cannot express the change (to the service-linked role).
    update: 'UpdateResource/DeregisterResource+RegisterResource',
    delete: 'DeregisterResource',
  },
  lfTag: { create: 'CreateLFTag', update: 'UpdateLFTag', delete: 'DeleteLFTag' },
  // A partition index cannot be changed in place: an update deletes it and creates it again.
  partitionIndex: {
    create: 'CreatePartitionIndex',
    update: 'DeletePartitionIndex+CreatePartitionIndex',
    delete: 'DeletePartitionIndex',
  },
  tableOptimizer: {
    create: 'CreateTableOptimizer',
    update: 'UpdateTableOptimizer',
    delete: 'DeleteTableOptimizer',
  },
  function: {
    create: 'CreateUserDefinedFunction',
    update: 'UpdateUserDefinedFunction',
    delete: 'DeleteUserDefinedFunction',
  },
  columnStatistics: {
    create: 'UpdateColumnStatisticsForTable',
    update: 'UpdateColumnStatisticsForTable/DeleteColumnStatisticsForTable',
    delete: 'DeleteColumnStatisticsForTable',
  },
  lfTagAssignment: {
    create: 'AddLFTagsToResource',
    update: 'AddLFTagsToResource/RemoveLFTagsFromResource',
    delete: 'RemoveLFTagsFromResource',
  },
  dataCellsFilter: {
    create: 'CreateDataCellsFilter',
    update: 'UpdateDataCellsFilter',
    delete: 'DeleteDataCellsFilter',
  },
  dataLakeSettings: {
    create: 'PutDataLakeSettings',
    update: 'PutDataLakeSettings',
    delete: 'PutDataLakeSettings',
  },
  catalog: { create: 'CreateCatalog', update: 'UpdateCatalog', delete: 'DeleteCatalog' },
  // An opt-in has no update call: a changed condition is deleted and created again.
  optIn: {
    create: 'CreateLakeFormationOptIn',
    update: 'DeleteLakeFormationOptIn+CreateLakeFormationOptIn',
    delete: 'DeleteLakeFormationOptIn',
  },
};

/** The AWS operation that applies `op` to a record of `kind`. */
export function operationOf(kind: RecordKind, op: ActionOp): string {
  return OPERATIONS[kind][op];
}

/** `sha256:<hex>` of the canonical record, or `null` when there is none. */
export function recordHash(record: SnapshotRecord | undefined): string | null {
  return record ? sha256(stableStringify(record)) : null;
}
