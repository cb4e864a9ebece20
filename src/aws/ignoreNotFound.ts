import { isLakemirrorError } from '../model/errors.ts';

/**
 * Runs an AWS call and turns "not found" (Glue and Lake Formation both answer EntityNotFoundException, which
 * the retry layer classifies as `aws.EntityNotFoundException`) into `undefined`. A delete of something already
 * gone has reached its end state, and real-time replays must be idempotent; a read of something gone (or of
 * something hanging on a table or database that is gone) finds nothing there.
 */
export async function ignoreNotFound<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (isLakemirrorError(error, 'aws.EntityNotFoundException')) return undefined;
    throw error;
  }
}
