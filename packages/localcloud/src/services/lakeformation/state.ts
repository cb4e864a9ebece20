import type { RegionState } from '../../state.ts';

/** One stored grant: a principal's permissions on one resource (the shape ListPermissions answers). */
export interface StoredPermission {
  Principal: { DataLakePrincipalIdentifier: string };
  /** The LF Resource, normalized: CatalogId filled in, names lowercased, set-like lists sorted. */
  Resource: Record<string, any>;
  Permissions: string[];
  PermissionsWithGrantOption: string[];
  LastUpdated: number;
  LastUpdatedBy: string;
}

/** One opt-in, as ListLakeFormationOptIns answers it. */
export interface StoredOptIn {
  Principal: { DataLakePrincipalIdentifier: string };
  Resource: Record<string, any>;
  Condition?: { Expression: string };
  LastModified: number;
  LastUpdatedBy: string;
}

/** Lake Formation's slice of a Region's state. */
export interface LakeFormationState {
  /** GetDataLakeSettings's DataLakeSettings. */
  settings: Record<string, any>;
  permissions: StoredPermission[];
  /** LF-Tags keyed by TagKey: `{ CatalogId, TagKey, TagValues }`. */
  lfTags: Record<string, { CatalogId: string; TagKey: string; TagValues: string[] }>;
  /** Tag assignments keyed by a resource key (see lakeformation/resourceKey), each `{ resource, tags }`. */
  resourceTags: Record<
    string,
    { resource: Record<string, any>; tags: Array<{ TagKey: string; TagValues: string[] }> }
  >;
  /** Data cells filters keyed `db.table.name`: the TableData structure. */
  dataCellsFilters: Record<string, Record<string, any>>;
  /** Registered locations keyed by ResourceArn: the ResourceInfo structure. */
  resources: Record<string, Record<string, any>>;
  /** Opt-ins (hybrid access mode); absent in states saved before they were emulated. */
  optIns?: StoredOptIn[];
}

/** A new Region's data lake settings: as in a new AWS account, IAMAllowedPrincipals get ALL by default. */
export function defaultDataLakeSettings(): Record<string, any> {
  const iamAllowed = [
    { Principal: { DataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS' }, Permissions: ['ALL'] },
  ];
  return {
    DataLakeAdmins: [],
    ReadOnlyAdmins: [],
    CreateDatabaseDefaultPermissions: iamAllowed,
    CreateTableDefaultPermissions: iamAllowed,
    TrustedResourceOwners: [],
    AllowExternalDataFiltering: false,
    AllowFullTableExternalDataAccess: false,
    ExternalDataFilteringAllowList: [],
    AuthorizedSessionTagValueList: [],
    Parameters: { CROSS_ACCOUNT_VERSION: '4', SET_CONTEXT: 'TRUE' },
  };
}

export function lakeFormationStateOf(region: RegionState): LakeFormationState {
  return region.slice<LakeFormationState>('lakeformation', () => ({
    settings: defaultDataLakeSettings(),
    permissions: [],
    lfTags: {},
    resourceTags: {},
    dataCellsFilters: {},
    resources: {},
    optIns: [],
  }));
}

/** Whether a stored resource lies on the given database (and table, when given). */
function isOn(resource: Record<string, any>, database: string, table?: string): boolean {
  const db = database.toLowerCase();
  const tbl = table?.toLowerCase();
  const candidates = [
    resource.Database,
    resource.Table,
    resource.TableWithColumns,
    resource.DataCellsFilter,
  ].filter(Boolean) as Array<Record<string, any>>;
  return candidates.some((r) => {
    const rDb = String(r.DatabaseName ?? r.Name ?? '').toLowerCase();
    if (rDb !== db) return false;
    if (tbl === undefined) return true;
    const rTable = String(r.TableName ?? (r === resource.Database ? '' : (r.Name ?? ''))).toLowerCase();
    return rTable === tbl;
  });
}

/**
 * When Glue deletes a database or table, Lake Formation drops what hung on it: grants, opt-ins, tag assignments
 * and data cells filters (and the grants on those filters). Called by the Glue emulator.
 */
export function forgetCatalogObject(region: RegionState, database: string, table?: string): void {
  if (!region.hasSlice('lakeformation')) return;
  const lf = lakeFormationStateOf(region);
  lf.permissions = lf.permissions.filter((p) => !isOn(p.Resource, database, table));
  if (lf.optIns) lf.optIns = lf.optIns.filter((o) => !isOn(o.Resource, database, table));
  for (const [key, entry] of Object.entries(lf.resourceTags)) {
    if (isOn(entry.resource, database, table)) delete lf.resourceTags[key];
  }
  for (const [key, filter] of Object.entries(lf.dataCellsFilters)) {
    const sameDb = String(filter.DatabaseName).toLowerCase() === database.toLowerCase();
    const sameTable = table === undefined || String(filter.TableName).toLowerCase() === table.toLowerCase();
    if (sameDb && sameTable) delete lf.dataCellsFilters[key];
  }
}

/**
 * Grants the create-time defaults Lake Formation applies when Glue creates a database (from the data lake
 * settings' CreateDatabaseDefaultPermissions) or a table (from its database's CreateTableDefaultPermissions).
 */
export function grantCreateDefaults(
  region: RegionState,
  defaults: Array<{ Principal?: { DataLakePrincipalIdentifier?: string }; Permissions?: string[] }>,
  resource: Record<string, any>,
  now: number,
  by: string,
): void {
  const lf = lakeFormationStateOf(region);
  for (const entry of defaults) {
    const principal = entry.Principal?.DataLakePrincipalIdentifier;
    if (!principal || !entry.Permissions?.length) continue;
    lf.permissions.push({
      Principal: { DataLakePrincipalIdentifier: principal },
      Resource: resource,
      Permissions: [...entry.Permissions].sort(),
      PermissionsWithGrantOption: [],
      LastUpdated: now,
      LastUpdatedBy: by,
    });
  }
}
