import { RECORD_KINDS, type RecordKind } from '../model/records.ts';
import type { Action } from './actions.ts';

/** Number of actions of one kind per op. */
export interface ActionCounts {
  create: number;
  update: number;
  delete: number;
}

/** Counts per kind and op, every kind present (zeros included) so reports have a stable shape. */
export function summarizeActions(actions: readonly Action[]): Record<RecordKind, ActionCounts> {
  const summary = Object.fromEntries(
    RECORD_KINDS.map((kind) => [kind, { create: 0, update: 0, delete: 0 }]),
  ) as Record<RecordKind, ActionCounts>;
  for (const action of actions) summary[action.kind][action.op] += 1;
  return summary;
}

/**
 * How many in-scope source records of each kind need nothing, given how many there are: totals minus the
 * creates and updates (each of which stands for one source record). Never negative.
 */
export function unchangedCounts(
  actions: readonly Action[],
  totals: Partial<Record<RecordKind, number>>,
): Partial<Record<RecordKind, number>> {
  const summary = summarizeActions(actions);
  const unchanged: Partial<Record<RecordKind, number>> = {};
  for (const [kind, total] of Object.entries(totals) as [RecordKind, number][]) {
    unchanged[kind] = Math.max(0, total - summary[kind].create - summary[kind].update);
  }
  return unchanged;
}
