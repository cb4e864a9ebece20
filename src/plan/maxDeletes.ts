import { LakemirrorError } from '../model/errors.ts';
import type { Action } from './actions.ts';

/** Objects a refusal names, so the operator sees what would go without running `plan`. */
const NAMED_DELETES = 20;

/** Partition deletes, planned a table at a time outside `actions` and not all kept. */
export interface MoreDeletes {
  count: number;
  /** The first of them (any number; the refusal names up to 20 in all). */
  first: readonly Action[];
}

/**
 * A safety stop: a plan that deletes more than `maxDeletes` objects is refused before anything runs, because
 * an empty or wrong source (bad filter, wrong Region) would otherwise wipe the target. The refusal counts the
 * deletes per kind and names the first 20.
 */
export function checkMaxDeletes(
  actions: readonly Action[],
  maxDeletes: number | undefined,
  more: MoreDeletes = { count: 0, first: [] },
): void {
  if (maxDeletes === undefined) return;
  const listed = actions.filter((a) => a.op === 'delete');
  const deletes = listed.length + more.count;
  if (deletes <= maxDeletes) return;
  const perKind = new Map<string, number>();
  for (const a of listed) perKind.set(a.kind, (perKind.get(a.kind) ?? 0) + 1);
  if (more.count > 0) perKind.set('partition', (perKind.get('partition') ?? 0) + more.count);
  const counts = [...perKind].map(([kind, n]) => `${n} ${kind}`).join(', ');
  const named = [...listed, ...more.first].slice(0, NAMED_DELETES).map((a) => `${a.kind} ${a.key}`);
  const rest = deletes - named.length;
  throw new LakemirrorError({
    code: 'plan.maxDeletesExceeded',
    source: 'user',
    message: `The plan deletes ${deletes} objects (${counts}), more than the limit of ${maxDeletes}; nothing was written. It would delete: ${named.join('; ')}${rest > 0 ? `; and ${rest} more` : ''}.`,
    fix: `Check the source and the filters; if the deletes are intended, raise maxDeletes to at least ${deletes}.`,
  });
}
