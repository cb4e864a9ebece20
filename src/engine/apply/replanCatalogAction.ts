import { canonicalDatabase, canonicalTable } from '../../model/canonicalGlue.ts';
import { isLakemirrorError } from '../../model/errors.ts';
import type { Action, ActionOf } from '../../plan/actions.ts';
import { planDatabases } from '../../plan/planDatabases.ts';
import { planTables } from '../../plan/planTables.ts';
import type { RegionSide } from '../regionSide.ts';
import type { ActionResult } from './actionResult.ts';

/** The errors that mean "the target is not what the plan read": another writer got there in between. */
const CONFLICTS = ['aws.AlreadyExistsException', 'aws.ConcurrentModificationException'] as const;

export function isConflict(error: unknown): boolean {
  return CONFLICTS.some((code) => isLakemirrorError(error, code));
}

/**
 * After a conflict (a create that met an existing object, an update whose VersionId was stale), reads the
 * object again and plans it again against what it is now: `unchanged` when it already is what the action
 * wanted (another writer made the same change), an update from the fresh read when it still differs, or
 * undefined when it is gone (the conflict stands as a failure; the next run plans it).
 */
export async function replanCatalogAction(
  target: RegionSide,
  action: ActionOf<'database'> | ActionOf<'table'>,
): Promise<{ unchanged: true } | { update: Action } | undefined> {
  const options = { deleteMissing: false };
  if (action.kind === 'database') {
    const now = await target.glueReader.getDatabase(action.desired!.input.Name);
    if (!now) return undefined;
    const [update] = planDatabases([action.desired!], [canonicalDatabase(now)], options);
    return update ? { update } : { unchanged: true };
  }
  const desired = action.desired!;
  const now = await target.glueReader.getTable(desired.databaseName, desired.input.Name);
  if (!now) return undefined;
  const [update] = planTables([desired], [canonicalTable(now)], options);
  return update ? { update } : { unchanged: true };
}

/** The result of an action that found the target already as it wanted. */
export function unchangedResult(action: Action): ActionResult {
  return { kind: action.kind, key: action.key, op: action.op, ok: true, unchanged: true };
}
