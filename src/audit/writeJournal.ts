import type { RegionSide } from '../engine/regionSide.ts';
import type { AuditLog } from './auditLog.ts';
import type { AuditFailure, AuditRecord } from './auditRecord.ts';

/** One write call as the audit log describes it before it goes out. */
export type WriteCall = Pick<
  AuditRecord,
  'operation' | 'kind' | 'op' | 'object' | 'beforeHash' | 'afterHash' | 'values' | 'objects'
>;

/** How a write call answered: ok, failed as a whole, or ok but for some items. */
export interface CallOutcome {
  error?: { code: string; message: string };
  failures?: AuditFailure[];
}

/** Records an intent before each write call and its outcome after (see AuditRecord). */
export interface WriteJournal {
  /** Makes the call's intent durable; answers the function that records how the call answered. */
  intend(call: WriteCall): Promise<(outcome: CallOutcome) => Promise<void>>;
}

const calls = new WeakMap<AuditLog, { n: number }>();

/** The journal of one run's writes to one target side, into the run's audit log. */
export function writeJournal(
  log: AuditLog,
  side: Pick<RegionSide, 'region' | 'accountId' | 'callerArn'>,
  runId: string,
  now: () => Date = () => new Date(),
): WriteJournal {
  // Call ids are unique per log (a run's early pass and second pass share it).
  const counter = calls.get(log) ?? { n: 0 };
  calls.set(log, counter);
  const header = () => ({
    schemaVersion: 1 as const,
    time: now().toISOString(),
    runId,
    principal: side.callerArn ?? 'unknown',
    region: side.region,
    accountId: side.accountId,
  });
  return {
    async intend(call) {
      counter.n += 1;
      const id = `${runId.slice(0, 8)}#${counter.n}`;
      await log.append([{ ...header(), ...call, result: 'intent', call: id }], { durable: true });
      return async (outcome) => {
        const failed = outcome.error !== undefined || (outcome.failures?.length ?? 0) > 0;
        await log.append([
          {
            ...header(),
            operation: call.operation,
            kind: call.kind,
            op: call.op,
            object: call.object,
            call: id,
            result: failed ? 'error' : 'ok',
            ...(outcome.error ? { errorCode: outcome.error.code, errorMessage: outcome.error.message } : {}),
            ...(outcome.failures?.length ? { failures: outcome.failures } : {}),
          },
        ]);
      };
    },
  };
}

/**
 * Runs one write call under the side's journal (none: just runs it): the intent first, then the outcome that
 * `outcomeOf` reads from the answer, or the thrown error. The error is rethrown.
 */
export async function journaled<T>(
  side: { journal?: WriteJournal },
  call: WriteCall,
  write: () => Promise<T>,
  outcomeOf: (answer: T) => CallOutcome = () => ({}),
): Promise<T> {
  if (!side.journal) return write();
  const settle = await side.journal.intend(call);
  let answer: T;
  try {
    answer = await write();
  } catch (error) {
    await settle({ error: errorOf(error) });
    throw error;
  }
  await settle(outcomeOf(answer));
  return answer;
}

function errorOf(error: unknown): { code: string; message: string } {
  const code =
    error && typeof error === 'object' && 'code' in error && typeof error.code === 'string'
      ? error.code
      : error instanceof Error
        ? error.name
        : 'unknown';
  return { code, message: error instanceof Error ? error.message : String(error) };
}
