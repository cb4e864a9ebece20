import type { DataLakeSettings } from '../model/lfShapes.ts';
import type { DataLakeSettingsRecord } from '../model/records.ts';
import { stableEqual } from '../model/stableStringify.ts';
import { type ActionOf, diffFields } from './actions.ts';
import type { KindPlanOptions } from './diffByKey.ts';

type Principal = { DataLakePrincipalIdentifier: string };

/**
 * Data lake settings are merged, not copied: dropping a target-only admin could lock people out of the DR
 * Region. Admins, read-only admins and trusted resource owners only the target has are kept unless
 * asked (pruneAdmins, by default deleteMissing); protected principals are never removed. Default permissions, flags and parameters come from
 * the source. Settings are never deleted.
 */
export function planDataLakeSettings(
  source: readonly DataLakeSettingsRecord[],
  target: readonly DataLakeSettingsRecord[],
  options: KindPlanOptions,
): ActionOf<'dataLakeSettings'>[] {
  const wanted = source[0];
  if (!wanted) return [];
  const current = target[0];
  const prune = options.pruneAdmins ?? options.deleteMissing;
  const keep = (id: string) => !prune || (options.protectedPrincipals ?? []).includes(id);
  const from = current?.settings ?? {};
  const settings: DataLakeSettings = {
    ...wanted.settings,
    DataLakeAdmins: mergePrincipals(wanted.settings.DataLakeAdmins, from.DataLakeAdmins, keep),
    ReadOnlyAdmins: mergePrincipals(wanted.settings.ReadOnlyAdmins, from.ReadOnlyAdmins, keep),
    TrustedResourceOwners: mergeIds(wanted.settings.TrustedResourceOwners, from.TrustedResourceOwners, keep),
  };
  const desired: DataLakeSettingsRecord = { kind: 'dataLakeSettings', settings: dropEmpty(settings) };
  if (!current) return [{ kind: 'dataLakeSettings', op: 'create', key: 'settings', desired }];
  if (stableEqual(desired, current)) return [];
  const changes = diffFields(current.settings, desired.settings);
  return [{ kind: 'dataLakeSettings', op: 'update', key: 'settings', desired, current, changes }];
}

function mergePrincipals(
  source: readonly Principal[] | undefined,
  target: readonly Principal[] | undefined,
  keep: (id: string) => boolean,
): Principal[] {
  const ids = mergeIds(
    source?.map((p) => p.DataLakePrincipalIdentifier),
    target?.map((p) => p.DataLakePrincipalIdentifier),
    keep,
  );
  return ids.map((id) => ({ DataLakePrincipalIdentifier: id }));
}

function mergeIds(
  source: readonly string[] | undefined,
  target: readonly string[] | undefined,
  keep: (id: string) => boolean,
): string[] {
  return [...new Set([...(source ?? []), ...(target ?? []).filter(keep)])].sort();
}

/** Canonical form drops empty lists; the merged settings must too, or they never compare equal. */
function dropEmpty(settings: DataLakeSettings): DataLakeSettings {
  return Object.fromEntries(
    Object.entries(settings).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  ) as DataLakeSettings;
}
