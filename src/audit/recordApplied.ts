import type { ActionResult } from '../ondemand/apply/actionResult.ts';
import type { RegionSide } from '../ondemand/regionSide.ts';
import type { Action } from '../plan/actions.ts';
import type { AuditLog } from './auditLog.ts';
import { type AuditRecord, operationOf, recordHash } from './auditRecord.ts';

/** What `syncTarget` calls after each batch of writes answers: the results and the actions they came from. */
export type OnApplied = (results: readonly ActionResult[], actions: readonly Action[]) => Promise<void>;

/**
 * Turns apply results into audit records — one per object written, whatever the batching — and appends them.
 * The action gives the before/after records; a create that met an existing partition is audited as the
 * update it became.
 */
export function recordApplied(
  log: AuditLog,
  side: RegionSide,
  runId: string,
  now: () => Date = () => new Date(),
): OnApplied {
  return async (results, actions) => {
    if (results.length === 0) return;
    const byKey = new Map<string, Action[]>();
    for (const action of actions) {
      const id = `${action.kind}\u0000${action.key}`;
      const same = byKey.get(id);
      if (same) same.push(action);
      else byKey.set(id, [action]);
    }
    const principal = side.callerArn ?? 'unknown';
    const time = now().toISOString();
    const records = results.map((result): AuditRecord => {
      const candidates = byKey.get(`${result.kind}\u0000${result.key}`) ?? [];
      const action = candidates.find((a) => a.op === result.op) ?? candidates[0];
      return {
        schemaVersion: 1,
        time,
        runId,
        principal,
        region: side.region,
        accountId: side.accountId,
        operation: operationOf(result.kind, result.op),
        kind: result.kind,
        op: result.op,
        object: result.key,
        beforeHash: result.op === 'create' ? null : recordHash(action?.current),
        afterHash: result.op === 'delete' ? null : recordHash(action?.desired),
        result: result.ok ? 'ok' : 'error',
        ...(result.error ? { errorCode: result.error.code, errorMessage: result.error.message } : {}),
      };
    });
    await log.append(records);
  };
}
