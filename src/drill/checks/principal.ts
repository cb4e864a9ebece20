/** What the drill does with a grant's principal: look it up in IAM, or skip it and say why. */
export type PrincipalTarget =
  | { kind: 'role' | 'user'; name: string; arn: string }
  | { kind: 'skip'; reason: string };

const IAM_ENTITY = /^arn:aws[a-z-]*:iam::(\d{12}):(role|user)\/(?:.*\/)?([^/]+)$/;

/**
 * Classifies a Lake Formation principal. Only IAM roles and users of the target's own account can be
 * looked up with its credentials; Lake Formation groups (IAM_ALLOWED_PRINCIPALS), other accounts,
 * organizations, SAML and Identity Center principals are skipped with the reason.
 */
export function principalTarget(principal: string, accountId: string): PrincipalTarget {
  if (principal === 'IAM_ALLOWED_PRINCIPALS')
    return { kind: 'skip', reason: 'IAM_ALLOWED_PRINCIPALS is a Lake Formation group, not an IAM entity' };
  const match = IAM_ENTITY.exec(principal);
  if (match) {
    const [, account, kind, name] = match;
    if (account !== accountId)
      return { kind: 'skip', reason: `in account ${account}, not the target's (${accountId})` };
    return { kind: kind as 'role' | 'user', name: name!, arn: principal };
  }
  if (/^\d{12}$/.test(principal)) return { kind: 'skip', reason: 'an AWS account (cross-account grant)' };
  if (principal.includes(':organizations:'))
    return { kind: 'skip', reason: 'an AWS Organizations principal' };
  return { kind: 'skip', reason: 'not an IAM role or user (SAML, Identity Center or other principal)' };
}
