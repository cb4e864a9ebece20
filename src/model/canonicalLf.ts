import type {
  DataCellsFilter,
  DataLakePrincipal,
  LakeFormationOptInsInfo,
  LFTagPair,
  DataLakeSettings as LfDataLakeSettings,
  PrincipalResourcePermissions,
  Resource,
  ResourceInfo,
} from '@aws-sdk/client-lakeformation';
import { canonicalPrincipalPermissions } from './canonicalGlue.ts';
import { canonicalResource, canonicalTagExpression } from './canonicalResource.ts';
import { LakemirrorError } from './errors.ts';
import { compareKeys, grantKey } from './keys.ts';
import type { DataLakeSettings } from './lfShapes.ts';
import { pruneEmpty, sortedSet } from './prune.ts';
import type {
  DataCellsFilterRecord,
  DataLakeSettingsRecord,
  GrantRecord,
  LfTagAssignmentRecord,
  LfTagRecord,
  LocationRecord,
  OptInRecord,
} from './records.ts';

/** One ListPermissions entry as a grant (Condition, AdditionalDetails, LastUpdated* dropped). */
export function canonicalGrant(entry: PrincipalResourcePermissions): GrantRecord {
  const principal = entry.Principal?.DataLakePrincipalIdentifier;
  if (!principal || !entry.Resource) {
    throw new LakemirrorError({
      code: 'model.invalidObject',
      source: 'aws',
      object: `permission entry ${JSON.stringify(entry)}`,
      message: `Lake Formation returned a permission entry without a ${principal ? 'resource' : 'principal'}`,
      fix: 'Check the grant with `aws lakeformation list-permissions`; revoke and re-grant it if it is damaged, or report a bug with the entry shown.',
    });
  }
  return {
    kind: 'grant',
    principal,
    resource: canonicalResource(entry.Resource),
    permissions: sortedSet(entry.Permissions),
    grantable: sortedSet(entry.PermissionsWithGrantOption),
  };
}

/**
 * Unites grants with the same (principal, resource): ListPermissions may return one principal's permissions on
 * one resource as several entries, but lakemirror compares them as one set. Output is in key order.
 */
export function mergeGrants(grants: readonly GrantRecord[]): GrantRecord[] {
  const byKey = new Map<string, GrantRecord>();
  for (const grant of grants) {
    const key = grantKey(grant.principal, grant.resource);
    const seen = byKey.get(key);
    byKey.set(
      key,
      seen
        ? {
            ...seen,
            permissions: sortedSet([...seen.permissions, ...grant.permissions]),
            grantable: sortedSet([...seen.grantable, ...grant.grantable]),
          }
        : grant,
    );
  }
  return [...byKey.entries()].sort(([a], [b]) => compareKeys(a, b)).map(([, grant]) => grant);
}

const SERVICE_LINKED_ROLE = /:role\/aws-service-role\/lakeformation\.amazonaws\.com\//;

/** ListResources/DescribeResource entry; the service-linked role becomes a flag because its ARN is per account. */
export function canonicalLocation(info: ResourceInfo): LocationRecord {
  const usesServiceLinkedRole = info.RoleArn !== undefined && SERVICE_LINKED_ROLE.test(info.RoleArn);
  return pruneEmpty({
    kind: 'location' as const,
    resourceArn: info.ResourceArn ?? '',
    roleArn: usesServiceLinkedRole ? undefined : info.RoleArn,
    useServiceLinkedRole: usesServiceLinkedRole ? true : undefined,
    hybridAccessEnabled: info.HybridAccessEnabled || undefined,
    withFederation: info.WithFederation || undefined,
  });
}

/** ListLFTags entry. */
export function canonicalLfTag(pair: LFTagPair): LfTagRecord {
  return { kind: 'lfTag', key: pair.TagKey ?? '', values: sortedSet(pair.TagValues) };
}

/**
 * The tags assigned directly to one resource (pass GetResourceLFTags with ShowAssignedLFTags so inherited tags
 * are not copied down). `undefined` when nothing is assigned: no record means no tags.
 */
export function canonicalLfTagAssignment(
  resource: Resource,
  pairs: readonly LFTagPair[] | undefined,
): LfTagAssignmentRecord | undefined {
  if (!pairs || pairs.length === 0) return undefined;
  const tags = pairs
    .map(canonicalTagExpression)
    .map((tag) => ({ key: tag.TagKey, values: tag.TagValues }))
    .sort((a, b) => compareKeys(a.key, b.key));
  return { kind: 'lfTagAssignment', resource: canonicalResource(resource), tags };
}

/** GetDataCellsFilter/ListDataCellsFilter entry without TableCatalogId and VersionId. */
export function canonicalDataCellsFilter(filter: DataCellsFilter): DataCellsFilterRecord {
  const { RowFilter, ColumnNames, ColumnWildcard } = filter;
  const excluded = sortedSet(ColumnWildcard?.ExcludedColumnNames);
  return {
    kind: 'dataCellsFilter',
    filter: {
      DatabaseName: (filter.DatabaseName ?? '').toLowerCase(),
      TableName: (filter.TableName ?? '').toLowerCase(),
      Name: filter.Name ?? '',
      ...(RowFilter?.AllRowsWildcard
        ? { RowFilter: { AllRowsWildcard: {} } }
        : RowFilter?.FilterExpression !== undefined
          ? { RowFilter: { FilterExpression: RowFilter.FilterExpression } }
          : {}),
      ...(ColumnWildcard
        ? { ColumnWildcard: excluded.length > 0 ? { ExcludedColumnNames: excluded } : {} }
        : ColumnNames && ColumnNames.length > 0
          ? { ColumnNames: sortedSet(ColumnNames) }
          : {}),
    },
  };
}

/** GetDataLakeSettings answer with every principal list sorted. */
export function canonicalDataLakeSettings(settings: LfDataLakeSettings): DataLakeSettingsRecord {
  const canonical: DataLakeSettings = {
    DataLakeAdmins: principals(settings.DataLakeAdmins),
    ReadOnlyAdmins: principals(settings.ReadOnlyAdmins),
    CreateDatabaseDefaultPermissions: defaults(settings.CreateDatabaseDefaultPermissions),
    CreateTableDefaultPermissions: defaults(settings.CreateTableDefaultPermissions),
    TrustedResourceOwners: sortedSet(settings.TrustedResourceOwners),
    AllowExternalDataFiltering: settings.AllowExternalDataFiltering,
    AllowFullTableExternalDataAccess: settings.AllowFullTableExternalDataAccess,
    ExternalDataFilteringAllowList: principals(settings.ExternalDataFilteringAllowList),
    AuthorizedSessionTagValueList: sortedSet(settings.AuthorizedSessionTagValueList),
    Parameters: settings.Parameters,
  };
  return { kind: 'dataLakeSettings', settings: pruneEmpty(canonical) };
}

/** Sorted, de-duplicated principal list. */
export function principals(list: readonly DataLakePrincipal[] | undefined) {
  return sortedSet(list?.map((p) => p.DataLakePrincipalIdentifier ?? '').filter(Boolean)).map((id) => ({
    DataLakePrincipalIdentifier: id,
  }));
}

function defaults(list: LfDataLakeSettings['CreateTableDefaultPermissions']) {
  const entries = (list ?? []).flatMap((entry) =>
    entry.Principal?.DataLakePrincipalIdentifier
      ? [
          {
            Principal: { DataLakePrincipalIdentifier: entry.Principal.DataLakePrincipalIdentifier },
            Permissions: entry.Permissions,
          },
        ]
      : [],
  );
  return canonicalPrincipalPermissions(entries);
}

/** One ListLakeFormationOptIns entry (LastModified and LastUpdatedBy dropped; an empty condition is none). */
export function canonicalOptIn(info: LakeFormationOptInsInfo): OptInRecord {
  const principal = info.Principal?.DataLakePrincipalIdentifier;
  if (!principal || !info.Resource) {
    throw new LakemirrorError({
      code: 'model.invalidObject',
      source: 'aws',
      object: `opt-in ${JSON.stringify(info)}`,
      message: `Lake Formation returned an opt-in without a ${principal ? 'resource' : 'principal'}`,
      fix: 'Check the opt-in with `aws lakeformation list-lake-formation-opt-ins`, or report a bug with the entry shown.',
    });
  }
  const condition = info.Condition?.Expression;
  return {
    kind: 'optIn',
    principal,
    resource: canonicalResource(info.Resource),
    ...(condition ? { condition } : {}),
  };
}
