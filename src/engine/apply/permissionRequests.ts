import type {
  DataCellsFilter,
  LFTagPair,
  RegisterResourceRequest,
  Resource,
} from '@aws-sdk/client-lakeformation';
import type { PermissionEntry } from '../../aws/lakeFormationPermissions.ts';
import type { LfResource } from '../../model/lfShapes.ts';
import type { DataCellsFilterRecord, GrantRecord, LocationRecord, OptInRecord } from '../../model/records.ts';

/**
 * Pure request builders for Lake Formation writes. Records carry no CatalogId (it is per account), so the
 * target's catalog is filled in only where the API requires it.
 */
export function grantEntry(record: GrantRecord, accountId: string): PermissionEntry {
  return {
    Principal: { DataLakePrincipalIdentifier: record.principal },
    Resource: awsResource(record.resource, accountId),
    Permissions: record.permissions as PermissionEntry['Permissions'],
    PermissionsWithGrantOption: record.grantable as PermissionEntry['PermissionsWithGrantOption'],
  };
}

export function registerRequest(record: LocationRecord): RegisterResourceRequest {
  return {
    ResourceArn: record.resourceArn,
    ...(record.roleArn ? { RoleArn: record.roleArn } : {}),
    UseServiceLinkedRole: record.useServiceLinkedRole ?? !record.roleArn,
    ...(record.hybridAccessEnabled ? { HybridAccessEnabled: true } : {}),
    ...(record.withFederation ? { WithFederation: true } : {}),
  };
}

/** CreateDataCellsFilter requires the table's catalog id: the target account's. */
export function dataCellsFilterRequest(
  record: DataCellsFilterRecord,
  targetAccountId: string,
): DataCellsFilter {
  return { ...record.filter, TableCatalogId: targetAccountId } as DataCellsFilter;
}

/** The members of Create/DeleteLakeFormationOptIn for an opt-in record. */
export function optInRequest(
  record: OptInRecord,
  accountId: string,
): {
  principal: string;
  resource: Resource;
  condition?: { Expression: string };
} {
  return {
    principal: record.principal,
    resource: awsResource(record.resource, accountId),
    ...(record.condition ? { condition: { Expression: record.condition } } : {}),
  };
}

export function tagPairs(tags: ReadonlyArray<{ key: string; values: string[] }>): LFTagPair[] {
  return tags.map((t) => ({ TagKey: t.key, TagValues: [...t.values] }));
}

export function lfResource(resource: LfResource): Resource {
  return resource as Resource;
}

/**
 * A canonical resource as requests take it: an object of a catalog below the default one (`CatalogPath`) is
 * named by the multi-level CatalogId `account:path` of the account written to.
 */
export function awsResource(resource: LfResource, accountId: string): Resource {
  const [member, value] = Object.entries(resource)[0] ?? [];
  if (!member || !value || typeof value !== 'object' || !('CatalogPath' in value))
    return resource as Resource;
  const { CatalogPath, ...rest } = value as { CatalogPath?: string };
  // A catalog resource names its catalog with Id; the objects in a catalog with CatalogId.
  const id = member === 'Catalog' ? 'Id' : 'CatalogId';
  return { [member]: { ...rest, [id]: `${accountId}:${CatalogPath}` } } as Resource;
}

/**
 * The tags of `have` whose key `want` does not name, for RemoveLFTagsFromResource. A key whose value changes
 * is not removed: a resource holds one value per key and AddLFTagsToResource replaces it.
 */
export function tagPairsRemoved(
  have: ReadonlyArray<{ key: string; values: string[] }>,
  want: ReadonlyArray<{ key: string; values: string[] }>,
): LFTagPair[] {
  const kept = new Set(want.map((t) => t.key));
  return have.filter((t) => !kept.has(t.key)).map((t) => ({ TagKey: t.key, TagValues: [...t.values] }));
}

/** Tag pairs in `a` that `b` lacks (key and value), for add/remove of tag assignments. */
export function tagPairsMissing(
  a: ReadonlyArray<{ key: string; values: string[] }>,
  b: ReadonlyArray<{ key: string; values: string[] }>,
): LFTagPair[] {
  const inB = new Set(b.flatMap((t) => t.values.map((v) => `${t.key}\u0000${v}`)));
  return a
    .map((t) => ({ TagKey: t.key, TagValues: t.values.filter((v) => !inB.has(`${t.key}\u0000${v}`)) }))
    .filter((t) => t.TagValues.length > 0);
}
