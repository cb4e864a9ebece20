import type { RegionState } from '../../state.ts';
import { checkName } from './errors.ts';
import { newRole } from './roles.ts';
import { iamStateOf } from './state.ts';
import { newUser } from './users.ts';

const OPEN_TRUST = '{"Version":"2012-10-17","Statement":[]}';

/**
 * Makes sure these roles and users exist in an account (admin API `POST /_localcloud/iam/principals`), so
 * tests and benchmarks can grant to principals without calling IAM first. Answers their ARNs.
 */
export function ensurePrincipals(
  accountState: RegionState,
  wanted: { roles?: string[]; users?: string[] },
  nowSeconds: number,
): string[] {
  const iam = iamStateOf(accountState);
  const arns: string[] = [];
  for (const name of wanted.roles ?? []) {
    checkName('roleName', name);
    iam.roles[name] ??= newRole(accountState.accountId, name, '/', OPEN_TRUST, nowSeconds);
    arns.push(iam.roles[name].Arn);
  }
  for (const name of wanted.users ?? []) {
    checkName('userName', name);
    iam.users[name] ??= newUser(accountState.accountId, name, '/', nowSeconds);
    arns.push(iam.users[name].Arn);
  }
  accountState.dirty = true;
  return arns;
}
