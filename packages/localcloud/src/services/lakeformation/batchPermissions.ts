import { type RequestContext, ServiceError } from '../../service.ts';
import { checkListLength, lfRequired } from './errors.ts';
import { grant, type PermissionsRequest, revoke } from './permissions.ts';

interface BatchEntry extends PermissionsRequest {
  Id?: string;
}

/** The most entries one BatchGrantPermissions or BatchRevokePermissions call takes. */
export const MAX_BATCH_ENTRIES = 20;

/**
 * Runs each entry on its own: an entry that fails is answered in Failures with its request entry and the error
 * code and message a single call would have answered; the other entries still apply.
 */
function runBatch(
  input: { Entries?: BatchEntry[] },
  ctx: RequestContext,
  apply: (ctx: RequestContext, entry: BatchEntry) => void,
) {
  const entries = lfRequired<BatchEntry[]>(input, 'Entries');
  checkListLength(entries, 'Entries', MAX_BATCH_ENTRIES);
  entries.forEach((entry) => {
    lfRequired(entry as Record<string, unknown>, 'Id');
  });
  const failures: Array<{ RequestEntry: BatchEntry; Error: { ErrorCode: string; ErrorMessage: string } }> =
    [];
  for (const entry of entries) {
    try {
      apply(ctx, entry);
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      failures.push({ RequestEntry: entry, Error: { ErrorCode: error.code, ErrorMessage: error.message } });
    }
  }
  return { Failures: failures };
}

export const batchGrantPermissions = (input: { Entries?: BatchEntry[] }, ctx: RequestContext) =>
  runBatch(input, ctx, grant);

export const batchRevokePermissions = (input: { Entries?: BatchEntry[] }, ctx: RequestContext) =>
  runBatch(input, ctx, revoke);
