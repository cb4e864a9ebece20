import { mergeGrants } from '../model/canonical.ts';
import type { GrantRecord, SnapshotRecord } from '../model/records.ts';
import type { Action } from './actions.ts';
import { objectRef } from './prerequisites.ts';

/**
 * A Region's records as they are after the given creates and updates were applied to them: each object is
 * replaced by the action's `desired` record, except grants, whose create carries only the permissions it adds
 * and so is merged into the principal's existing entry. Lets a sync plan the rest of a target without reading
 * back what it has just written. Deletes are not expected here (an early apply never deletes).
 */
export function projectApplied(
  records: readonly SnapshotRecord[],
  applied: readonly Action[],
): SnapshotRecord[] {
  if (applied.length === 0) return [...records];
  const replaced = new Map<string, SnapshotRecord>();
  const grants: GrantRecord[] = [];
  for (const action of applied) {
    if (action.op === 'delete' || !action.desired) continue;
    if (action.kind === 'grant') grants.push(action.desired);
    else replaced.set(objectRef(action.desired), action.desired);
  }
  const kept = records.filter((r) => r.kind === 'grant' || !replaced.has(objectRef(r)));
  const existingGrants = kept.filter((r): r is GrantRecord => r.kind === 'grant');
  return [
    ...kept.filter((r) => r.kind !== 'grant'),
    ...replaced.values(),
    ...(grants.length ? mergeGrants([...existingGrants, ...grants]) : existingGrants),
  ];
}
