import type { RecordKind } from '../model/records.ts';
import type { Action } from '../plan/actions.ts';
import type { SkippedObject } from '../plan/planCatalogs.ts';
import type { ActionResult } from './apply/actionResult.ts';
import { emptyOutcome, type KindOutcome } from './syncReport.ts';

const DONE = { create: 'created', update: 'updated', delete: 'deleted' } as const;

/** Counts what one target run did per kind; unchanged = source objects in scope that needed nothing. */
export interface TargetOutcomes {
  readonly failures: ActionResult[];
  addSource(kind: RecordKind, count: number): void;
  applied(results: readonly ActionResult[]): void;
  /** Successful writes known only by number (an early pass's partitions). */
  appliedCount(kind: RecordKind, op: keyof typeof DONE, count: number): void;
  planned(actions: readonly Action[]): void;
  finish(actions: Action[], unlistedPartitionActions: number): TallyResult;
}

export interface TallyResult {
  counts: Partial<Record<RecordKind, KindOutcome>>;
  failures: ActionResult[];
  actions: Action[];
  unlistedPartitionActions: number;
  /** Source objects an apply left out on purpose, with why (see ActionResult.skipped); never failures. */
  skipped?: SkippedObject[];
}

export function tally(sourceCounts: Partial<Record<RecordKind, number>>): TargetOutcomes {
  const counts: Partial<Record<RecordKind, KindOutcome>> = {};
  const source: Partial<Record<RecordKind, number>> = { ...sourceCounts };
  const failures: ActionResult[] = [];
  const skipped: SkippedObject[] = [];
  const of = (kind: RecordKind) => {
    counts[kind] ??= emptyOutcome();
    return counts[kind]!;
  };
  return {
    failures,
    addSource(kind, count) {
      source[kind] = (source[kind] ?? 0) + count;
    },
    applied(results) {
      for (const result of results) {
        if (result.skipped) {
          skipped.push({ kind: 'catalog', key: result.key, reason: result.skipped });
          continue;
        }
        if (result.ok) {
          if (!result.unchanged) of(result.kind)[DONE[result.op]] += 1;
        } else {
          of(result.kind).failed += 1;
          failures.push(result);
        }
      }
    },
    appliedCount(kind, op, count) {
      if (count > 0) of(kind)[DONE[op]] += count;
    },
    planned(actions) {
      for (const action of actions) of(action.kind)[DONE[action.op]] += 1;
    },
    finish(actions, unlistedPartitionActions) {
      for (const [kind, total] of Object.entries(source) as Array<[RecordKind, number]>) {
        const outcome = of(kind);
        outcome.unchanged = Math.max(0, total - outcome.created - outcome.updated - outcome.failed);
      }
      return { counts, failures, actions, unlistedPartitionActions, ...(skipped.length ? { skipped } : {}) };
    },
  };
}
