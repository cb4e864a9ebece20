import type { RegionState } from '../../state.ts';

/** A role as IAM keeps it (GetRole answers these members; the policy document is stored decoded). */
export interface StoredRole {
  RoleName: string;
  RoleId: string;
  Arn: string;
  Path: string;
  /** ISO 8601. */
  CreateDate: string;
  AssumeRolePolicyDocument: string;
  Description?: string;
  MaxSessionDuration?: number;
}

export interface StoredUser {
  UserName: string;
  UserId: string;
  Arn: string;
  Path: string;
  /** ISO 8601. */
  CreateDate: string;
}

/** IAM's slice of an account's global state (`ctx.accountState`), keyed by role and user name. */
export interface IamState {
  roles: Record<string, StoredRole>;
  users: Record<string, StoredUser>;
}

export const IAM_SLICE = 'iam';

export function iamStateOf(accountState: RegionState): IamState {
  return accountState.slice<IamState>(IAM_SLICE, () => ({ roles: {}, users: {} }));
}

const PRINCIPAL_ARN = /^arn:aws:iam::(\d{12}):(role|user)(\/(?:[^/]+\/)*)([^/]+)$/;

/**
 * Whether an IAM role or user ARN names a principal that exists in this account (Lake Formation checks the
 * principals of grants and admins with it). Names compare case-insensitively, as IAM's do; the path may be
 * left out. Account principals, groups, SAML and IAM_ALLOWED_PRINCIPALS are not IAM entities here: false.
 */
export function iamPrincipalExists(accountState: RegionState, arn: string): boolean {
  const match = PRINCIPAL_ARN.exec(arn);
  if (!match || match[1] !== accountState.accountId || !accountState.hasSlice(IAM_SLICE)) return false;
  const [, , kind, path, name] = match;
  const iam = iamStateOf(accountState);
  const entities: Array<StoredRole | StoredUser> = Object.values(kind === 'role' ? iam.roles : iam.users);
  const wanted = name!.toLowerCase();
  return entities.some((entity) => {
    const entityName = 'RoleName' in entity ? entity.RoleName : entity.UserName;
    return entityName.toLowerCase() === wanted && (path === '/' || entity.Path === path);
  });
}
