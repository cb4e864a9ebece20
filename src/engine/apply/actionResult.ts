import { isLakemirrorError } from '../../model/errors.ts';
import type { RecordKind } from '../../model/records.ts';
import type { ActionOp } from '../../plan/actions.ts';

/** What happened to one planned action: applied, or failed with the AWS error. */
export interface ActionResult {
  kind: RecordKind;
  key: string;
  op: ActionOp;
  ok: boolean;
  /** A write that found the target already as wanted (another writer made the change): counted unchanged. */
  unchanged?: true;
  /** Left out on purpose, with why (a catalog whose connection the target lacks): reported, not a failure. */
  skipped?: string;
  /** `fix` says what the user should change, when lakemirror knows (e.g. `plan.unmappedPrincipal`). */
  error?: { code: string; message: string; fix?: string };
}

export function succeeded(kind: RecordKind, key: string, op: ActionOp): ActionResult {
  return { kind, key, op, ok: true };
}

/** Turns a thrown error into a failed result; one failed object never stops the others. */
export function failed(kind: RecordKind, key: string, op: ActionOp, error: unknown): ActionResult {
  const code = isLakemirrorError(error)
    ? error.code
    : error instanceof Error
      ? error.name
      : 'internal.unknown';
  const message = error instanceof Error ? error.message : String(error);
  return { kind, key, op, ok: false, error: { code, message } };
}

/** Runs one write and records its outcome. */
export async function attempt(
  kind: RecordKind,
  key: string,
  op: ActionOp,
  write: () => Promise<unknown>,
): Promise<ActionResult> {
  try {
    await write();
    return succeeded(kind, key, op);
  } catch (error) {
    if (isLakemirrorError(error) && error.source === 'internal') throw error;
    return failed(kind, key, op, error);
  }
}
