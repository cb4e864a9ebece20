const ASSUMED_ROLE = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/;

/**
 * The principal Lake Formation knows for a caller ARN (STS GetCallerIdentity): an assumed-role session
 * (`arn:aws:sts::<acct>:assumed-role/<role>/<session>`) is its role (`arn:aws:iam::<acct>:role/<role>`);
 * users and roles stay as they are.
 */
export function callerPrincipal(callerArn: string): string {
  const match = ASSUMED_ROLE.exec(callerArn);
  if (!match) return callerArn;
  const [, partition, account, roleName] = match;
  return `arn:${partition}:iam::${account}:role/${roleName}`;
}

/**
 * The principals a target run never revokes or removes from admins: the configured ones and the identity
 * lakemirror writes the target as (removing itself would lock lakemirror out of the target).
 */
export function protectedPrincipalsFor(
  configured: readonly string[],
  callerArn: string | undefined,
): string[] {
  const caller = callerArn ? [callerPrincipal(callerArn)] : [];
  return [...new Set([...configured, ...caller])].sort();
}
