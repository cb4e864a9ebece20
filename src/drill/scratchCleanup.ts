import pLimit from 'p-limit';
import type { ActionResult } from '../engine/apply/actionResult.ts';
import { applyCatalogAction } from '../engine/apply/applyCatalogActions.ts';
import { applyGrantActions, applyLakeFormationAction } from '../engine/apply/applyPermissionActions.ts';
import type { RegionSide } from '../engine/regionSide.ts';
import { splitTableKey } from '../model/keys.ts';
import type { RecordKind } from '../model/records.ts';
import type { Action, ActionOf } from '../plan/actions.ts';
import { APPLY_ORDER } from '../plan/order.ts';

/** Left in the scratch Region: settings are account-wide (admins!), partitions go with their tables. */
const KEPT: ReadonlySet<RecordKind> = new Set(['dataLakeSettings', 'partition']);

/**
 * The deletes that undo a restore: one per object the restore created or updated, except settings and
 * partitions. Pure; deleting exactly what was restored (not whatever the Region holds) keeps the drill
 * from touching anything it did not make.
 */
export function undoActions(restored: readonly Action[]): Action[] {
  const kept = restored.filter((a) => a.op !== 'delete' && a.desired && !KEPT.has(a.kind));
  // DeleteDatabase takes the database's tables (and their partitions) with it.
  const databases = new Set(kept.filter((a) => a.kind === 'database').map((a) => a.key));
  return kept
    .filter((a) => a.kind !== 'table' || !databases.has(splitTableKey(a.key).databaseName))
    .map((a) => ({ kind: a.kind, op: 'delete', key: a.key, current: a.desired }) as Action);
}

/**
 * Deletes the restored objects in reverse dependency order: grants revoked, tags unassigned and deleted,
 * locations deregistered, filters, tables and databases deleted. Deletes of objects already gone succeed;
 * a failed delete is returned, never thrown, so one leftover does not stop the rest.
 */
export async function cleanUpScratch(side: RegionSide, restored: readonly Action[]): Promise<ActionResult[]> {
  const deletes = undoActions(restored);
  const results: ActionResult[] = [];
  for (const kind of [...APPLY_ORDER].reverse()) {
    const chosen = deletes.filter((a) => a.kind === kind);
    if (chosen.length === 0) continue;
    if (kind === 'grant') {
      results.push(...(await applyGrantActions(side, chosen as ActionOf<'grant'>[])));
      continue;
    }
    const apply = kind === 'database' || kind === 'table' ? applyCatalogAction : applyLakeFormationAction;
    const limit = pLimit(side.concurrency);
    results.push(...(await Promise.all(chosen.map((action) => limit(() => apply(side, action))))));
  }
  return results;
}
