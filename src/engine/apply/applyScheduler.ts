import type { Action } from '../../plan/actions.ts';
import { APPLY_ORDER } from '../../plan/order.ts';
import type { RegionSide } from '../regionSide.ts';
import type { ActionResult } from './actionResult.ts';
import { applyKind, isObjectKind, type ObjectKind } from './applyKind.ts';

/** What one dependency-ordered apply does besides the object kinds: the partitions, and who hears of results. */
export interface ApplySchedule {
  /** Every action but partitions (those are the `partitions` phase's). */
  actions: readonly Action[];
  /**
   * The partition phase: starts once databases, tables, partition indexes and filters are applied (so a
   * failure among those is known), and runs beside locations, LF-Tags, assignments, grants and table
   * statistics, which need the tables, not the partitions: both services' rate limits are used at once.
   */
  partitions: () => Promise<void>;
  /** Told of each kind's results as they come in (tallies, failure charging). */
  onApplied: (results: readonly ActionResult[]) => void;
  /** How one kind's actions are applied; default `applyKind` (a caller may turn a thrown error into failures). */
  applyKindWith?: (
    target: RegionSide,
    kind: ObjectKind,
    actions: readonly Action[],
  ) => Promise<ActionResult[]>;
}

/** A partition's column statistics need the partition: they are applied once every partition is. */
const isPartitionStatistics = (a: Action) =>
  a.kind === 'columnStatistics' && Boolean(a.desired?.partitionValues);

const BEFORE_PARTITIONS = APPLY_ORDER.slice(0, APPLY_ORDER.indexOf('partition')).filter(isObjectKind);
const BESIDE_PARTITIONS = APPLY_ORDER.slice(APPLY_ORDER.indexOf('partition') + 1).filter(isObjectKind);
const DELETE_ORDER = [...APPLY_ORDER].reverse().filter(isObjectKind);

/**
 * The one dependency-ordered apply of the engine, for sync, restore, failback, replay and reconcile: creates
 * and updates kind by kind (settings, databases, functions, tables, partition indexes, filters), then the
 * partitions beside the Lake Formation kinds, then partition statistics, then deletes in reverse order.
 * A failed action is a result like any other; the others go on. (The early pass, which creates while the
 * snapshot is still read, orders object by object instead: see early/dependencyGate.ts.)
 */
export async function applyInDependencyOrder(target: RegionSide, schedule: ApplySchedule): Promise<void> {
  const { actions, onApplied } = schedule;
  const apply = schedule.applyKindWith ?? applyKind;
  const writes = actions.filter((a) => a.kind !== 'partition');
  const creates = writes.filter((a) => a.op !== 'delete' && !isPartitionStatistics(a));
  const partitionStatistics = writes.filter((a) => a.op !== 'delete' && isPartitionStatistics(a));
  const deletes = writes.filter((a) => a.op === 'delete');
  for (const kind of BEFORE_PARTITIONS) onApplied(await apply(target, kind, creates));
  const beside = (async () => {
    for (const kind of BESIDE_PARTITIONS) onApplied(await apply(target, kind, creates));
  })();
  await Promise.all([schedule.partitions(), beside]);
  onApplied(await apply(target, 'columnStatistics', partitionStatistics));
  for (const kind of DELETE_ORDER) onApplied(await apply(target, kind, deletes));
}
