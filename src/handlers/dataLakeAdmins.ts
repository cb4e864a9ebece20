import { createHash } from 'node:crypto';
import type { DataLakePrincipal, DataLakeSettings } from '@aws-sdk/client-lakeformation';

/** Role ARNs to register in one Region: full data lake admins and read-only admins. */
export interface AdminLists {
  admins: string[];
  readOnlyAdmins: string[];
}

type ListName = keyof AdminLists;
const FIELDS: Record<ListName, 'DataLakeAdmins' | 'ReadOnlyAdmins'> = {
  admins: 'DataLakeAdmins',
  readOnlyAdmins: 'ReadOnlyAdmins',
};
const LISTS = Object.keys(FIELDS) as ListName[];

/** Short, stable tag of one (list, ARN) pair: physical resource IDs are limited to 1 KB. */
export function entryTag(list: ListName, arn: string): string {
  return createHash('sha256').update(`${list}|${arn}`).digest('hex').slice(0, 8);
}

const has = (principals: DataLakePrincipal[] | undefined, arn: string) =>
  (principals ?? []).some((p) => p.DataLakePrincipalIdentifier === arn);

/**
 * Adds the wanted ARNs to the settings' admin lists, leaving every other principal and setting as it
 * is. `preexisting` tags the entries that were already there: they are not ours to remove later.
 */
export function addAdmins(
  settings: DataLakeSettings,
  wanted: AdminLists,
): { settings: DataLakeSettings; changed: boolean; preexisting: string[] } {
  const next: DataLakeSettings = { ...settings };
  const preexisting: string[] = [];
  let changed = false;
  for (const list of LISTS) {
    const field = FIELDS[list];
    const current = [...(settings[field] ?? [])];
    for (const arn of new Set(wanted[list])) {
      if (has(current, arn)) preexisting.push(entryTag(list, arn));
      else {
        current.push({ DataLakePrincipalIdentifier: arn });
        changed = true;
      }
    }
    if (current.length > 0 || settings[field]) next[field] = current;
  }
  return { settings: next, changed, preexisting };
}

/**
 * Removes the given ARNs from the admin lists, except entries tagged in `keep` (present before we
 * added them). Every other principal and setting is left as it is.
 */
export function removeAdmins(
  settings: DataLakeSettings,
  remove: AdminLists,
  keep: ReadonlySet<string> = new Set(),
): { settings: DataLakeSettings; changed: boolean } {
  const next: DataLakeSettings = { ...settings };
  let changed = false;
  for (const list of LISTS) {
    const field = FIELDS[list];
    const drop = new Set(remove[list].filter((arn) => !keep.has(entryTag(list, arn))));
    const current = settings[field];
    if (!current) continue;
    const kept = current.filter((p) => !drop.has(p.DataLakePrincipalIdentifier ?? ''));
    if (kept.length !== current.length) changed = true;
    next[field] = kept;
  }
  return { settings: next, changed };
}

/** ARNs in `before` but not in `after`, per list: what an update stops managing. */
export function subtractLists(before: AdminLists, after: AdminLists): AdminLists {
  return {
    admins: before.admins.filter((arn) => !after.admins.includes(arn)),
    readOnlyAdmins: before.readOnlyAdmins.filter((arn) => !after.readOnlyAdmins.includes(arn)),
  };
}

const PREFIX = 'lakemirror-lf-admins';

/** Physical ID: the Region plus the tags of entries that were there before (kept on delete). */
export function physicalId(region: string, preexisting: string[]): string {
  return preexisting.length === 0
    ? `${PREFIX}/${region}`
    : `${PREFIX}/${region}/keep-${preexisting.join('.')}`;
}

/** The `keep` tags a physical ID carries. */
export function keepTags(id: string): Set<string> {
  const match = /\/keep-([0-9a-f.]+)$/.exec(id);
  return new Set(match?.[1]?.split('.') ?? []);
}
