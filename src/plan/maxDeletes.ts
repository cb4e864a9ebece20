import { LakemirrorError } from '../model/errors.ts';
import type { Action } from './actions.ts';

/**
 * A safety stop: a plan that deletes more than `maxDeletes` objects is refused before anything runs, because
 * an empty or wrong source (bad filter, wrong Region) would otherwise wipe the target.
 */
export function checkMaxDeletes(
  actions: readonly Action[],
  maxDeletes: number | undefined,
  /** Deletes counted elsewhere (partitions, which are planned a table at a time and not kept). */
  moreDeletes = 0,
): void {
  if (maxDeletes === undefined) return;
  const deletes = actions.filter((a) => a.op === 'delete').length + moreDeletes;
  if (deletes <= maxDeletes) return;
  throw new LakemirrorError({
    code: 'plan.maxDeletesExceeded',
    source: 'user',
    message: `The plan deletes ${deletes} objects, more than the limit of ${maxDeletes}.`,
    fix: `Check the source and the filters; if the deletes are intended, raise maxDeletes to at least ${deletes}.`,
  });
}
