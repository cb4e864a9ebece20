import { operationOf, recordHash } from '../../audit/auditRecord.ts';
import type { CallOutcome, WriteCall } from '../../audit/writeJournal.ts';
import type { Action } from '../../plan/actions.ts';
import type { ActionResult } from './actionResult.ts';

/** The audit description of a write call for one object: its operation, key and before/after hashes. */
export function singleWrite(action: Action): WriteCall {
  return {
    operation: operationOf(action.kind, action.op),
    kind: action.kind,
    op: action.op,
    object: action.key,
    beforeHash: action.op === 'create' ? null : recordHash(action.current),
    afterHash: action.op === 'delete' && !action.desired ? null : recordHash(action.desired),
  };
}

/** A batch call's outcome from its per-item results: only the failed items are named. */
export function batchOutcome(results: readonly ActionResult[]): CallOutcome {
  const failures = results
    .filter((r) => !r.ok)
    .map((r) => ({
      object: r.key,
      errorCode: r.error?.code ?? 'unknown',
      errorMessage: r.error?.message ?? '',
    }));
  // A call that failed as a whole is one error, not the same error once per item.
  const first = failures[0];
  if (first && failures.length === results.length && failures.every((f) => f.errorCode === first.errorCode))
    return { error: { code: first.errorCode, message: first.errorMessage } };
  return failures.length ? { failures } : {};
}
