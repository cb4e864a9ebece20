import type { UnmappedRecord } from '../plan/plan.ts';
import type { ActionResult } from './apply/actionResult.ts';

const ACCOUNT = /(?:^|::)(\d{12})(?::|$)/;

/**
 * One failed result per source record whose principals the account mapping could not place in the target
 * account: the record (or that part of it) was not applied, and the report says which principal and how to
 * fix the config. Nothing is guessed.
 */
export function unmappedResults(
  unmapped: readonly UnmappedRecord[],
  targetAccountId: string,
): ActionResult[] {
  return unmapped.map((record) => {
    const accounts = [...new Set(record.principals.map((p) => ACCOUNT.exec(p)?.[1] ?? p))];
    const what = record.partiallyApplied ? `applied without ${record.principals.join(', ')}` : 'not applied';
    return {
      kind: record.kind,
      key: record.key,
      op: 'create',
      ok: false,
      error: {
        code: 'plan.unmappedPrincipal',
        message:
          `${record.kind} ${record.key} ${what}: accountMapping does not place ` +
          `${record.principals.join(', ')} (account ${accounts.join(', ')}) in target account ${targetAccountId}`,
        fix:
          `add ${accounts.map((a) => `"${a}": "<account id>"`).join(', ')} to accountMapping ` +
          '(the account whose principals stand for them in the target; map an account to itself to keep an external principal)',
      },
    };
  });
}
