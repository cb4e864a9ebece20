import { type RequestContext, required } from '../../service.ts';
import { iamUniqueId, isoSeconds } from '../awsIds.ts';
import {
  checkName,
  checkPath,
  entityAlreadyExists,
  malformedPolicy,
  maxItemsOf,
  noSuchEntity,
  validationError,
} from './errors.ts';
import { pageByName } from './paging.ts';
import { iamStateOf, type StoredRole } from './state.ts';

type Input = Record<string, string | undefined>;

/** The Role structure IAM answers: the trust policy comes back URL-encoded, as the real service sends it. */
export function roleOutput(role: StoredRole): Record<string, unknown> {
  return {
    Path: role.Path,
    RoleName: role.RoleName,
    RoleId: role.RoleId,
    Arn: role.Arn,
    CreateDate: role.CreateDate,
    AssumeRolePolicyDocument: encodeURIComponent(role.AssumeRolePolicyDocument),
    Description: role.Description,
    MaxSessionDuration: role.MaxSessionDuration ?? 3600,
  };
}

/** Finds a role by name (IAM names are case-insensitive) or answers NoSuchEntity. */
export function roleNamed(ctx: RequestContext, name: string): StoredRole {
  const roles = iamStateOf(ctx.accountState).roles;
  const role =
    roles[name] ?? Object.values(roles).find((r) => r.RoleName.toLowerCase() === name.toLowerCase());
  if (!role) throw noSuchEntity(`The role with name ${name} cannot be found.`);
  return role;
}

/** A new role's record (fresh RoleId, ARN from the path). */
export function newRole(
  accountId: string,
  name: string,
  path: string,
  document: string,
  now: number,
): StoredRole {
  return {
    RoleName: name,
    RoleId: iamUniqueId('AROA'),
    Arn: `arn:aws:iam::${accountId}:role${path}${name}`,
    Path: path,
    CreateDate: isoSeconds(now),
    AssumeRolePolicyDocument: document,
  };
}

export function createRole(input: Input, ctx: RequestContext) {
  const name = checkName('roleName', required<string>(input, 'RoleName'));
  const document = required<string>(input, 'AssumeRolePolicyDocument');
  try {
    JSON.parse(document);
  } catch {
    throw malformedPolicy('This policy contains invalid Json');
  }
  const path = checkPath(input.Path);
  const maxSession = input.MaxSessionDuration === undefined ? 3600 : Number(input.MaxSessionDuration);
  if (!Number.isInteger(maxSession) || maxSession < 3600 || maxSession > 43200) {
    throw validationError('The requested MaxSessionDuration must be between 3600 and 43200 seconds.');
  }
  const iam = iamStateOf(ctx.accountState);
  if (Object.values(iam.roles).some((r) => r.RoleName.toLowerCase() === name.toLowerCase())) {
    throw entityAlreadyExists(`Role with name ${name} already exists.`);
  }
  const role = newRole(ctx.accountId, name, path, document, ctx.now);
  if (input.Description) role.Description = input.Description;
  role.MaxSessionDuration = maxSession;
  iam.roles[name] = role;
  return { Role: roleOutput(role) };
}

export function getRole(input: Input, ctx: RequestContext) {
  return { Role: roleOutput(roleNamed(ctx, required<string>(input, 'RoleName'))) };
}

export function deleteRole(input: Input, ctx: RequestContext) {
  const role = roleNamed(ctx, required<string>(input, 'RoleName'));
  delete iamStateOf(ctx.accountState).roles[role.RoleName];
  return {};
}

export function listRoles(input: Input, ctx: RequestContext) {
  const prefix = input.PathPrefix ?? '/';
  const roles = Object.values(iamStateOf(ctx.accountState).roles).filter((r) => r.Path.startsWith(prefix));
  const { page, ...rest } = pageByName(roles, (r) => r.RoleName, input.Marker, maxItemsOf(input.MaxItems));
  return { Roles: page.map(roleOutput), ...rest };
}
