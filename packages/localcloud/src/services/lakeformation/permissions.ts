import type { RequestContext } from '../../service.ts';
import { callerArn } from '../sts/sessions.ts';
import { lfInvalid, lfRequired } from './errors.ts';
import { checkResourceExists } from './existence.ts';
import { checkedPrincipal } from './principals.ts';
import { normalizeResource, resourceKey } from './resources.ts';
import { lakeFormationStateOf, type StoredPermission } from './state.ts';

/** The Permission enum of the Lake Formation model. */
export const PERMISSIONS = new Set([
  'ALL',
  'ALTER',
  'ASSOCIATE',
  'CREATE_CATALOG',
  'CREATE_DATABASE',
  'CREATE_LF_TAG',
  'CREATE_LF_TAG_EXPRESSION',
  'CREATE_TABLE',
  'DATA_LOCATION_ACCESS',
  'DELETE',
  'DESCRIBE',
  'DROP',
  'GRANT_WITH_LF_TAG_EXPRESSION',
  'INSERT',
  'SELECT',
  'SUPER_USER',
]);

/** What GrantPermissions, RevokePermissions and each batch entry carry. */
export interface PermissionsRequest {
  Principal?: { DataLakePrincipalIdentifier?: string };
  Resource?: Record<string, any>;
  Permissions?: string[];
  PermissionsWithGrantOption?: string[];
}

function permissionList(values: unknown, member: string): string[] {
  const list = (values as string[] | undefined) ?? [];
  const unknown = list.find((value) => !PERMISSIONS.has(value));
  if (unknown !== undefined) {
    throw lfInvalid(
      `1 validation error detected: Value '[${unknown}]' at '${member}' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${[...PERMISSIONS].join(', ')}]]`,
    );
  }
  return [...new Set(list)].sort();
}

/** Validates a request and answers the stored form of its principal and resource and its permission sets. */
function parse(ctx: RequestContext, request: PermissionsRequest) {
  const principal = checkedPrincipal(ctx, lfRequired(request as Record<string, unknown>, 'Principal'));
  const resource = normalizeResource(
    lfRequired(request as Record<string, unknown>, 'Resource'),
    ctx.accountId,
  );
  const permissions = permissionList(
    lfRequired(request as Record<string, unknown>, 'Permissions'),
    'permissions',
  );
  const grantable = permissionList(request.PermissionsWithGrantOption, 'permissionsWithGrantOption');
  checkResourceExists(ctx, resource);
  return { principal, resource, key: resourceKey(resource), permissions, grantable };
}

function findStored(ctx: RequestContext, principal: string, key: string) {
  const lf = lakeFormationStateOf(ctx.regionState);
  const index = lf.permissions.findIndex(
    (p) => p.Principal.DataLakePrincipalIdentifier === principal && resourceKey(p.Resource) === key,
  );
  return { lf, index, stored: index >= 0 ? lf.permissions[index] : undefined };
}

/**
 * Grants permissions: they merge into the principal's entry on that resource (granting what is held already
 * changes nothing). Grant options must be a subset of the permissions granted with them.
 */
export function grant(ctx: RequestContext, request: PermissionsRequest): void {
  const { principal, resource, key, permissions, grantable } = parse(ctx, request);
  if (permissions.length === 0) throw lfInvalid('Permissions must not be empty.');
  if (grantable.some((p) => !permissions.includes(p))) {
    throw lfInvalid('Permissions with grant option must be a subset of permissions.');
  }
  const { lf, stored } = findStored(ctx, principal.DataLakePrincipalIdentifier, key);
  if (!stored) {
    lf.permissions.push({
      Principal: principal,
      Resource: resource,
      Permissions: permissions,
      PermissionsWithGrantOption: grantable,
      LastUpdated: ctx.now,
      LastUpdatedBy: callerArn(ctx),
    } satisfies StoredPermission);
    return;
  }
  const merged = [...new Set([...stored.Permissions, ...permissions])].sort();
  const mergedGrantable = [...new Set([...stored.PermissionsWithGrantOption, ...grantable])].sort();
  if (
    merged.length === stored.Permissions.length &&
    mergedGrantable.length === stored.PermissionsWithGrantOption.length
  ) {
    return;
  }
  stored.Permissions = merged;
  stored.PermissionsWithGrantOption = mergedGrantable;
  stored.LastUpdated = ctx.now;
  stored.LastUpdatedBy = callerArn(ctx);
}

/**
 * Revokes permissions: revoking a permission takes its grant option with it; revoking only a grant option keeps
 * the permission. Revoking nothing the principal holds fails as Lake Formation fails.
 */
export function revoke(ctx: RequestContext, request: PermissionsRequest): void {
  const { principal, key, permissions, grantable } = parse(ctx, request);
  const { lf, index, stored } = findStored(ctx, principal.DataLakePrincipalIdentifier, key);
  const held = stored
    ? permissions.some((p) => stored.Permissions.includes(p)) ||
      grantable.some((p) => stored.PermissionsWithGrantOption.includes(p))
    : false;
  if (!stored || !held) {
    throw lfInvalid(
      'No permissions revoked. Grantee has no permissions and no grantable permissions on resource.',
    );
  }
  stored.Permissions = stored.Permissions.filter((p) => !permissions.includes(p));
  stored.PermissionsWithGrantOption = stored.PermissionsWithGrantOption.filter(
    (p) => !permissions.includes(p) && !grantable.includes(p),
  );
  stored.LastUpdated = ctx.now;
  stored.LastUpdatedBy = callerArn(ctx);
  if (stored.Permissions.length === 0 && stored.PermissionsWithGrantOption.length === 0) {
    lf.permissions.splice(index, 1);
  }
}

export const grantPermissions = (input: PermissionsRequest, ctx: RequestContext) => {
  grant(ctx, input);
  return {};
};

export const revokePermissions = (input: PermissionsRequest, ctx: RequestContext) => {
  revoke(ctx, input);
  return {};
};
