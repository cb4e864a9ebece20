import type { Action } from '../plan/actions.ts';

const PRINCIPAL_LISTS = ['DataLakeAdmins', 'ReadOnlyAdmins'] as const;

/**
 * Whether applying the action could lose something in the target, and so deserves a safety snapshot first:
 * deletes, and updates — except a data lake settings update that only adds (settings merge; the first sync
 * into a new Region replaces its IAMAllowedPrincipals defaults, which the source dictates anyway) and removes
 * no admin, read-only admin or trusted owner.
 */
export function isDestructive(action: Action): boolean {
  if (action.op === 'create') return false;
  if (action.op === 'delete' || action.kind !== 'dataLakeSettings') return true;
  const before = action.current?.settings;
  const after = action.desired?.settings;
  if (!before || !after) return true;
  const ids = (list: Array<{ DataLakePrincipalIdentifier?: string }> | undefined) =>
    new Set((list ?? []).map((p) => p.DataLakePrincipalIdentifier));
  const removes = (was: Set<unknown>, is: Set<unknown>) => [...was].some((id) => !is.has(id));
  if (PRINCIPAL_LISTS.some((key) => removes(ids(before[key]), ids(after[key])))) return true;
  return removes(new Set(before.TrustedResourceOwners ?? []), new Set(after.TrustedResourceOwners ?? []));
}
