import type { DatabaseInput, TableInput } from '@aws-sdk/client-glue';
import { journaled } from '../../audit/writeJournal.ts';
import { LakemirrorError } from '../../model/errors.ts';
import type { Action, ActionOf } from '../../plan/actions.ts';
import type { RegionSide } from '../regionSide.ts';
import { type ActionResult, attempt } from './actionResult.ts';
import { isConflict, replanCatalogAction, unchangedResult } from './replanCatalogAction.ts';
import { singleWrite } from './writeCalls.ts';

/** The DatabaseInput sent for a database record: exactly the canonical input (an allow-list already). */
export function databaseRequest(action: ActionOf<'database'>): DatabaseInput {
  return (action.desired ?? action.current)!.input as DatabaseInput;
}

/** The TableInput sent for a table record; views carry a plain-string dialect the SDK types narrowly. */
export function tableRequest(action: ActionOf<'table'>): { databaseName: string; input: TableInput } {
  const record = (action.desired ?? action.current)!;
  return { databaseName: record.databaseName, input: record.input as TableInput };
}

/**
 * Applies one database or table action through the Glue writer (UpdateTable always skips the archive and
 * passes the VersionId the plan read). A conflict — the create met an existing object, the table changed
 * since it was read — is settled by reading the object again and planning it again, never by overwriting
 * blindly: already as wanted counts as unchanged; still different is updated from the fresh read, once.
 */
export async function applyCatalogAction(target: RegionSide, action: Action): Promise<ActionResult> {
  const send = (a: Action) => journaled(target, singleWrite(a), () => sendCatalogAction(target, a));
  let conflict: unknown;
  const first = await attempt(action.kind, action.key, action.op, () =>
    send(action).catch((error: unknown) => {
      if (isConflict(error) && action.op !== 'delete') conflict = error;
      throw error;
    }),
  );
  if (!conflict || (action.kind !== 'database' && action.kind !== 'table')) return first;
  const replanned = await replanCatalogAction(target, action).catch(() => undefined);
  if (!replanned) return first;
  if ('unchanged' in replanned) return unchangedResult(action);
  const again = await attempt(action.kind, action.key, 'update', () => send(replanned.update));
  return again.ok && action.op === 'create' ? { ...again, op: 'update' } : again;
}

async function sendCatalogAction(target: RegionSide, action: Action): Promise<unknown> {
  const writer = target.glueWriter;
  if (action.kind === 'database') {
    const input = databaseRequest(action);
    return action.op === 'create'
      ? writer.createDatabase(input)
      : action.op === 'update'
        ? writer.updateDatabase(input.Name!, input)
        : writer.deleteDatabase(input.Name!);
  }
  if (action.kind === 'table') {
    const { databaseName, input } = tableRequest(action);
    return action.op === 'create'
      ? writer.createTable(databaseName, input)
      : action.op === 'update'
        ? writer.updateTable(databaseName, input, target.glueReader.versionOf(databaseName, input.Name!))
        : writer.deleteTable(databaseName, input.Name!);
  }
  throw new LakemirrorError({
    code: 'internal.unknownKind',
    source: 'internal',
    message: `applyCatalogAction cannot apply ${action.kind}`,
  });
}
