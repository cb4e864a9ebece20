import { compareKeys } from '../model/keys.ts';
import type { RecordKind } from '../model/records.ts';
import type { Action } from './actions.ts';
import { isViewWithSubObjects } from './viewRewrite.ts';

/**
 * The order creates and updates are applied in: parents before children (databases before functions and
 * tables, tables before their partition indexes, partitions and column statistics), things a grant may name
 * (filters, locations, tags) before grants, opt-ins after grants. Deletes run afterwards in
 * the reverse order, so grants are revoked first and databases deleted last.
 */
export const APPLY_ORDER: readonly RecordKind[] = [
  // Catalogs first: everything else of theirs lives in them (parents before children by key order).
  'catalog',
  'dataLakeSettings',
  'database',
  'function',
  'table',
  'partitionIndex',
  // After its table, which must be an Iceberg table when the optimizer is created.
  'tableOptimizer',
  'dataCellsFilter',
  'partition',
  // After partitions: a partition's statistics need the partition (a sync applies those after every partition).
  'columnStatistics',
  'location',
  'lfTag',
  'lfTagAssignment',
  'grant',
  // After the grants: opting a principal in before its grants exist would cut its access in between.
  'optIn',
];

const OP_RANK = { create: 0, update: 1, delete: 2 } as const;

/** Orders two actions: all creates and updates by kind, then all deletes by reverse kind; then by key. */
export function compareActions(a: Action, b: Action): number {
  const phase = Number(a.op === 'delete') - Number(b.op === 'delete');
  if (phase !== 0) return phase;
  const kindA = APPLY_ORDER.indexOf(a.kind);
  const kindB = APPLY_ORDER.indexOf(b.kind);
  const kind = a.op === 'delete' ? kindB - kindA : kindA - kindB;
  // Views after every table they name (created after them, deleted before them).
  const view = a.op === 'delete' ? viewRank(b) - viewRank(a) : viewRank(a) - viewRank(b);
  // A catalog's children are deleted before it (Glue refuses to delete a catalog that holds catalogs).
  const keys =
    a.op === 'delete' && a.kind === 'catalog' ? compareKeys(b.key, a.key) : compareKeys(a.key, b.key);
  return kind || view || keys || OP_RANK[a.op] - OP_RANK[b.op];
}

function viewRank(action: Action): number {
  if (action.kind !== 'table') return 0;
  return isViewWithSubObjects((action.desired ?? action.current)!) ? 1 : 0;
}

/** A sorted copy; deterministic, so the same inputs always print the same plan. */
export function orderActions(actions: readonly Action[]): Action[] {
  return [...actions].sort(compareActions);
}
