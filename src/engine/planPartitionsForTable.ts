import { tableKey } from '../model/keys.ts';
import type { PartitionRecord, TableRecord } from '../model/records.ts';
import type { Action } from '../plan/actions.ts';
import { type PlanOptions, planPartitions } from '../plan/plan.ts';
import { readPartitionRecords } from './readPartitionRecords.ts';
import type { RegionSide } from './regionSide.ts';

/** What the table-level plan decided, which decides how each table's partitions are planned. */
export interface TableFate {
  /** Tables the plan creates: their target partitions are known to be empty, so they are not read. */
  created: ReadonlySet<string>;
  /** Tables the plan deletes (their partitions go with them) or that failed to apply: skipped. */
  skipped: ReadonlySet<string>;
  /**
   * Tables whose update drops every partition key (the source table was dropped and created again without
   * them): the target's partitions are read so that they are deleted, not left behind unseen.
   */
  unpartitioned?: ReadonlySet<string>;
}

/** The target's partitions of one table: read from the Region, or from a snapshot of it just taken. */
export type TargetPartitions = (table: TableRecord) => Promise<PartitionRecord[]>;

export interface TablePartitionsPlan {
  target: RegionSide;
  table: TableRecord;
  sourcePartitions: readonly PartitionRecord[];
  fate: TableFate;
  plan: PlanOptions;
  /** Where the target's partitions come from; the Region's API when absent. */
  targetPartitionsOf?: TargetPartitions;
}

/**
 * The partition actions for one source table: reads the target's partitions (unless the table is new
 * there) and diffs them with the source's.
 */
export async function planPartitionsForTable(options: TablePartitionsPlan): Promise<Action[]> {
  const { target, table, fate } = options;
  const targetPartitionsOf =
    options.targetPartitionsOf ??
    ((t: TableRecord) => readPartitionRecords(target, t.databaseName, t.input.Name));
  const key = tableKey(table.databaseName, table.input.Name);
  if (fate.skipped.has(key)) return [];
  if ((table.input.PartitionKeys?.length ?? 0) === 0 && !fate.unpartitioned?.has(key)) return [];
  const targetPartitions = fate.created.has(key) ? [] : await targetPartitionsOf(table);
  return planPartitions(key, options.sourcePartitions, targetPartitions, options.plan);
}
