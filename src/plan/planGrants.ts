import { grantKey } from '../model/keys.ts';
import type { GrantRecord } from '../model/records.ts';
import type { ActionOf } from './actions.ts';
import type { KindPlanOptions } from './diffByKey.ts';

/**
 * Grants compared as sets per (principal, resource). A create (grant) carries only what the target lacks; a
 * missing grant option is granted together with its permission, because Lake Formation wants the grantable
 * list inside the permission list. With deleteMissing, a delete (revoke) carries only the extras. Protected
 * principals are never revoked.
 */
export function planGrants(
  source: readonly GrantRecord[],
  target: readonly GrantRecord[],
  options: KindPlanOptions,
): ActionOf<'grant'>[] {
  const sourceByKey = byKey(source);
  const targetByKey = byKey(target);
  const actions: ActionOf<'grant'>[] = [];
  for (const [key, desired] of sourceByKey) {
    const current = targetByKey.get(key);
    const missingGrantable = minus(desired.grantable, current?.grantable);
    const missing = union(minus(desired.permissions, current?.permissions), missingGrantable);
    if (missing.length > 0) {
      actions.push({
        kind: 'grant',
        op: 'create',
        key,
        desired: { ...desired, permissions: missing, grantable: missingGrantable },
        // What the target holds already, so drift can tell "not granted" from "granted without grant option".
        ...(current
          ? {
              changes: [
                { path: 'permissions', before: current.permissions, after: desired.permissions },
                { path: 'grantable', before: current.grantable, after: desired.grantable },
              ],
            }
          : {}),
      });
    }
  }
  if (!options.deleteMissing) return actions;
  const protectedPrincipals = new Set(options.protectedPrincipals ?? []);
  for (const [key, current] of targetByKey) {
    if (protectedPrincipals.has(current.principal)) continue;
    const desired = sourceByKey.get(key);
    const extra = minus(current.permissions, desired?.permissions);
    // Revoking a permission takes its grant option with it; revoke options the source lacks as well.
    const extraGrantable = union(
      minus(current.grantable, desired?.grantable),
      current.grantable.filter((p) => extra.includes(p)),
    );
    if (extra.length > 0 || extraGrantable.length > 0) {
      actions.push({
        kind: 'grant',
        op: 'delete',
        key,
        current: { ...current, permissions: extra, grantable: extraGrantable },
      });
    }
  }
  return actions;
}

/** One grant per key; duplicates are united so callers may pass unmerged ListPermissions output. */
function byKey(grants: readonly GrantRecord[]): Map<string, GrantRecord> {
  const map = new Map<string, GrantRecord>();
  for (const grant of grants) {
    const key = grantKey(grant.principal, grant.resource);
    const seen = map.get(key);
    map.set(
      key,
      seen
        ? {
            ...seen,
            permissions: union(seen.permissions, grant.permissions),
            grantable: union(seen.grantable, grant.grantable),
          }
        : grant,
    );
  }
  return map;
}

function minus(values: readonly string[], remove: readonly string[] | undefined): string[] {
  const removed = new Set(remove ?? []);
  return values.filter((v) => !removed.has(v));
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
