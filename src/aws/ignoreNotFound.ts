import { LakemirrorError } from '../model/errors.ts';

/**
 * Runs a delete and treats "not found" as success: the desired end state (gone) is reached,
 * and real-time replays must be idempotent.
 */
export async function ignoreNotFound(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!(error instanceof LakemirrorError && error.code === 'aws.EntityNotFoundException')) throw error;
  }
}
