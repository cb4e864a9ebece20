import type { SnapshotRecord } from '../model/records.ts';
import type { Action } from '../plan/actions.ts';
import { type PlanOptions, planWithReport } from '../plan/plan.ts';
import type { SourceRecords } from './sourceSnapshot.ts';

/** Counts what deleteMissing off leaves in the target: planned as deletes, then set aside, never applied. */
export interface KeptTargetOnly {
  /** A table's partition actions without its deletes, which are counted (once per table). */
  partitionsOf(tableKey: string, actions: Action[]): Action[];
  result(): { keptTargetOnly?: number };
}

export function keptTargetOnly(
  source: SourceRecords,
  targetRecords: SnapshotRecord[],
  plan: PlanOptions,
): KeptTargetOnly {
  if (plan.deleteMissing) return { partitionsOf: (_, actions) => actions, result: () => ({}) };
  const others = planWithReport(source.records, targetRecords, { ...plan, deleteMissing: true });
  const catalog = others.actions.filter((a) => a.op === 'delete').length;
  const partitions = new Map<string, number>();
  return {
    partitionsOf(tableKey, actions) {
      const kept = actions.filter((a) => a.op === 'delete').length;
      if (kept > 0) partitions.set(tableKey, kept);
      return kept > 0 ? actions.filter((a) => a.op !== 'delete') : actions;
    },
    result: () => ({ keptTargetOnly: catalog + [...partitions.values()].reduce((n, k) => n + k, 0) }),
  };
}
