import type { IAMClient } from '@aws-sdk/client-iam';
import pLimit from 'p-limit';
import { getRole, getUser } from '../../aws/commands/iam.ts';
import { resourceKey } from '../../model/keys.ts';
import type { GrantRecord } from '../../model/records.ts';
import type { DrillCheck } from '../../report/reportTypes.ts';
import { principalTarget } from './principal.ts';

/** `undefined` when the role or user exists, else why it cannot be used. */
async function lookUp(iam: IAMClient, kind: 'role' | 'user', name: string): Promise<string | undefined> {
  try {
    if (kind === 'role') await getRole(iam, { RoleName: name });
    else await getUser(iam, { UserName: name });
    return undefined;
  } catch (error) {
    const code = (error as Error).name;
    if (code === 'NoSuchEntity' || code === 'NoSuchEntityException')
      return `${kind} ${name} does not exist in IAM`;
    return `could not look up ${kind} ${name}: ${code}: ${(error as Error).message}`;
  }
}

/**
 * Usability: every principal the target's grants name still exists in IAM. Lake Formation keeps grants to
 * deleted roles and users, so a replica can look complete while nobody can use it.
 */
export async function checkGrantPrincipals(
  region: string,
  accountId: string,
  iam: IAMClient,
  grants: readonly GrantRecord[],
  concurrency: number,
): Promise<DrillCheck> {
  const name = `${region}: grant principals exist in IAM`;
  const byPrincipal = new Map<string, GrantRecord[]>();
  for (const g of grants) {
    const held = byPrincipal.get(g.principal);
    if (held) held.push(g);
    else byPrincipal.set(g.principal, [g]);
  }
  const skipped = new Map<string, number>();
  const lookups: Array<{ principal: string; kind: 'role' | 'user'; name: string }> = [];
  for (const principal of byPrincipal.keys()) {
    const target = principalTarget(principal, accountId);
    if (target.kind === 'skip') skipped.set(target.reason, (skipped.get(target.reason) ?? 0) + 1);
    else lookups.push({ principal, kind: target.kind, name: target.name });
  }
  const limit = pLimit(Math.min(concurrency, 5));
  const answers = await Promise.all(
    lookups.map((l) => limit(async () => ({ ...l, problem: await lookUp(iam, l.kind, l.name) }))),
  );
  const failures = answers
    .filter((a) => a.problem !== undefined)
    .map((a) => {
      const held = byPrincipal.get(a.principal) ?? [];
      const example = held[0]
        ? `, e.g. ${held[0].permissions.join(', ')} on ${resourceKey(held[0].resource)}`
        : '';
      return `${a.principal}: ${a.problem} (${held.length} grant${held.length === 1 ? '' : 's'}${example})`;
    });
  const notes = [...skipped].map(([reason, n]) => `${n} skipped: ${reason}`);
  const detail = `${lookups.length} IAM principals of ${grants.length} grants looked up with GetRole/GetUser${
    notes.length ? `; ${notes.join('; ')}` : ''
  }.`;
  if (lookups.length === 0 && failures.length === 0)
    return { name, status: 'skipped', detail: grants.length ? detail : `No grants in ${region}.` };
  if (failures.length === 0) return { name, status: 'pass', detail };
  return {
    name,
    status: 'fail',
    detail,
    fix: `recreate the missing roles and users in account ${accountId} with the same names (IAM is global: a deleted role is gone in every Region), or revoke their grants in the source and run \`lakemirror sync\` with deleteMissing; lakemirror needs iam:GetRole and iam:GetUser to check them`,
    failures,
  };
}
