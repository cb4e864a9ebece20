import type { RequestContext } from '../../service.ts';
import { lfRequired } from './errors.ts';
import { checkedPrincipal } from './principals.ts';
import { lakeFormationStateOf } from './state.ts';

type Settings = Record<string, any>;

/** What a member left out of PutDataLakeSettings becomes: Put replaces the settings, it does not merge. */
function emptySettings(): Settings {
  return {
    DataLakeAdmins: [],
    ReadOnlyAdmins: [],
    CreateDatabaseDefaultPermissions: [],
    CreateTableDefaultPermissions: [],
    TrustedResourceOwners: [],
    AllowExternalDataFiltering: false,
    AllowFullTableExternalDataAccess: false,
    ExternalDataFilteringAllowList: [],
    AuthorizedSessionTagValueList: [],
  };
}

export function getDataLakeSettings(_input: { CatalogId?: string }, ctx: RequestContext) {
  return { DataLakeSettings: structuredClone(lakeFormationStateOf(ctx.regionState).settings) };
}

/**
 * Replaces the data lake settings. Leaving out CreateDatabaseDefaultPermissions or CreateTableDefaultPermissions
 * empties them (the well-known way to stop IAM_ALLOWED_PRINCIPALS defaults). Admins must be valid principals.
 * Parameters (CROSS_ACCOUNT_VERSION…) keep their value when not given.
 */
export function putDataLakeSettings(input: { DataLakeSettings?: Settings }, ctx: RequestContext) {
  const given = lfRequired<Settings>(input, 'DataLakeSettings');
  for (const admin of [...(given.DataLakeAdmins ?? []), ...(given.ReadOnlyAdmins ?? [])]) {
    checkedPrincipal(ctx, admin);
  }
  const lf = lakeFormationStateOf(ctx.regionState);
  const next: Settings = { ...emptySettings(), Parameters: lf.settings.Parameters };
  for (const [key, value] of Object.entries(given)) {
    if (value !== undefined && value !== null) next[key] = structuredClone(value);
  }
  if (next.Parameters === undefined) delete next.Parameters;
  lf.settings = next;
  return {};
}
