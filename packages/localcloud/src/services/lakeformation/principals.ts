import type { RequestContext } from '../../service.ts';
import { IAM_SLICE, iamPrincipalExists } from '../iam/state.ts';
import { lfInvalid, lfRequired } from './errors.ts';

const IAM_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):(role|user|group|root|saml-provider)(?:\/(.*))?$/;

/**
 * Whether a principal can be granted to: Lake Formation accepts the IAM_ALLOWED_PRINCIPALS group, account ids,
 * `<account>:IAMPrincipals`, organizations, SAML and Identity Center principals, and IAM roles and users. An IAM
 * role or user of the caller's own account must exist; it is unknown only when the account's IAM state exists and
 * holds no such role or user (so grants work before any IAM is emulated). IAM groups are not LF principals.
 */
export function principalExists(ctx: RequestContext, arn: string): boolean {
  if (arn === 'IAM_ALLOWED_PRINCIPALS') return true;
  if (/^\d{12}(:IAMPrincipals)?$/.test(arn)) return true;
  if (/^arn:aws[a-z-]*:(organizations|identitystore|quicksight|sso)::/.test(arn)) return true;
  const iam = IAM_ARN.exec(arn);
  if (!iam) return false;
  const [, account, kind] = iam;
  if (kind === 'group') return false;
  if (kind !== 'role' && kind !== 'user') return true;
  if (account !== ctx.accountId || !ctx.accountState.hasSlice(IAM_SLICE)) return true;
  return iamPrincipalExists(ctx.accountState, arn);
}

/** Reads and checks a DataLakePrincipal, answering as Lake Formation does for one it does not know. */
export function checkedPrincipal(
  ctx: RequestContext,
  principal: unknown,
): { DataLakePrincipalIdentifier: string } {
  const id = lfRequired<string>(principal as Record<string, unknown>, 'DataLakePrincipalIdentifier');
  if (!principalExists(ctx, id)) throw lfInvalid(`Invalid principal, arn: ${id}`);
  return { DataLakePrincipalIdentifier: id };
}
