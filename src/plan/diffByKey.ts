import { recordKey } from '../model/keys.ts';
import type { RecordKind, RecordOfKind } from '../model/records.ts';
import { stableEqual } from '../model/stableStringify.ts';
import { type ActionOf, diffFields } from './actions.ts';
import { payloadOf } from './payload.ts';

/** What every per-kind planner is told. */
export interface KindPlanOptions {
  /** Delete (revoke, remove) what the target has and the source lacks. Off by default on demand. */
  deleteMissing: boolean;
  /** Principals never removed from admin lists or revoked, e.g. the role lakemirror runs as. */
  protectedPrincipals?: readonly string[];
  /**
   * Remove data lake admins, read-only admins and trusted owners that only the target has. Defaults to
   * `deleteMissing`; real-time replay sets it from the explicit on-demand setting instead, because real-time
   * mirrors deletions by default and a DR Region's own admins must survive unless asked otherwise.
   */
  pruneAdmins?: boolean;
}

/**
 * Compares whole records by key: missing in target → create, different → update with field changes,
 * missing in source → delete (only with deleteMissing). Kinds with no merge rules use this as is.
 */
export function diffByKey<K extends RecordKind>(
  kind: K,
  source: readonly RecordOfKind<K>[],
  target: readonly RecordOfKind<K>[],
  options: KindPlanOptions,
): ActionOf<K>[] {
  const targetByKey = new Map(target.map((record) => [recordKey(record), record]));
  const sourceKeys = new Set<string>();
  const actions: ActionOf<K>[] = [];
  for (const desired of source) {
    const key = recordKey(desired);
    sourceKeys.add(key);
    const current = targetByKey.get(key);
    if (!current) {
      actions.push({ kind, op: 'create', key, desired });
    } else if (!stableEqual(desired, current)) {
      const changes = diffFields(payloadOf(current), payloadOf(desired));
      actions.push({ kind, op: 'update', key, desired, current, changes });
    }
  }
  if (options.deleteMissing) {
    for (const [key, current] of targetByKey) {
      if (!sourceKeys.has(key)) actions.push({ kind, op: 'delete', key, current });
    }
  }
  return actions;
}
