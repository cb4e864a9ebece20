import { sha256 } from '../model/hash.ts';
import type { RecordKind, SnapshotRecord } from '../model/records.ts';
import { stableStringify } from '../model/stableStringify.ts';
import type { ActionOp } from '../plan/actions.ts';

/**
 * One write lakemirror made, as one JSON line of the audit log. Hashes are of the canonical record
 * (`stableStringify`), so they compare with snapshot records; `null` on the side that does not exist
 * (before a create, after a delete).
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
  /** `lease` for `unlock`, which breaks a target's lease (object `lease:<region>`). */
  kind: RecordKind | 'lease';
  op: ActionOp;
  /** The record key, e.g. `sales.orders`, `sales.orders/["2024-01-01"]`, `<principal>|table:sales.orders`. */
  object: string;
  beforeHash: string | null;
  afterHash: string | null;
  result: 'ok' | 'error';
  errorCode?: string;
  errorMessage?: string;
  /** What a record that is not an object write did, e.g. whose lease `unlock` broke. */
  detail?: string;
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
