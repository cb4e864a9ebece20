import type { RequestContext } from '../../service.ts';
import { lfInvalid } from './errors.ts';
import { page } from './paging.ts';
import { dataLakeResourceType, type LfResource, normalizeResource, resourceKey } from './resources.ts';
import { lakeFormationStateOf, type StoredPermission } from './state.ts';

const RESOURCE_TYPES = [
  'CATALOG',
  'DATABASE',
  'TABLE',
  'DATA_LOCATION',
  'LF_TAG',
  'LF_TAG_POLICY',
  'LF_TAG_POLICY_DATABASE',
  'LF_TAG_POLICY_TABLE',
];

interface ListPermissionsInput {
  Principal?: { DataLakePrincipalIdentifier?: string };
  Resource?: LfResource;
  ResourceType?: string;
  MaxResults?: number;
  NextToken?: string;
}

/** Whether a stored grant is on the filter resource; a Table filter also finds column grants on that table. */
function onResource(stored: LfResource, filter: LfResource, filterKey: string): boolean {
  if (resourceKey(stored) === filterKey) return true;
  const table = filter.Table;
  const columns = stored.TableWithColumns;
  return Boolean(
    table?.Name &&
      columns &&
      columns.CatalogId === table.CatalogId &&
      columns.DatabaseName === table.DatabaseName &&
      columns.Name === table.Name,
  );
}

function ofType(resource: LfResource, type: string): boolean {
  const actual = dataLakeResourceType(resource);
  return type === 'LF_TAG_POLICY' ? Boolean(actual?.startsWith('LF_TAG_POLICY')) : actual === type;
}

/** ListPermissions over the stored grants of this Region, filtered by principal, resource and resource type. */
export function listPermissions(input: ListPermissionsInput, ctx: RequestContext) {
  if (input.ResourceType !== undefined && !RESOURCE_TYPES.includes(input.ResourceType)) {
    throw lfInvalid(
      `1 validation error detected: Value '${input.ResourceType}' at 'resourceType' failed to satisfy constraint: Member must satisfy enum value set: [${RESOURCE_TYPES.join(', ')}]`,
    );
  }
  const principal = input.Principal?.DataLakePrincipalIdentifier;
  const resource = input.Resource ? normalizeResource(input.Resource, ctx.accountId) : undefined;
  // The filter's key, computed once per call rather than once per stored grant.
  const filterKey = resource ? resourceKey(resource) : '';
  const matches = (p: StoredPermission) =>
    (principal === undefined || p.Principal.DataLakePrincipalIdentifier === principal) &&
    (resource === undefined || onResource(p.Resource, resource, filterKey)) &&
    (input.ResourceType === undefined || ofType(p.Resource, input.ResourceType));
  const found = lakeFormationStateOf(ctx.regionState).permissions.filter(matches);
  const { items, NextToken } = page(found, input, 'ListPermissions');
  return {
    PrincipalResourcePermissions: items.map((p) => ({
      Principal: p.Principal,
      Resource: p.Resource,
      Permissions: p.Permissions,
      PermissionsWithGrantOption: p.PermissionsWithGrantOption,
      LastUpdated: p.LastUpdated,
      LastUpdatedBy: p.LastUpdatedBy,
    })),
    NextToken,
  };
}
