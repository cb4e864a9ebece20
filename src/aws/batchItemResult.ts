import { LakemirrorError } from '../model/errors.ts';

/** What went wrong with one item of a batch call. */
export interface BatchItemError {
  code: string;
  message: string;
}

/**
 * Outcome of one item of a batch write. Batch APIs fail item by item, so failures are data
 * the caller reports, not exceptions that would hide which of 100 items went wrong.
 * `note` marks an item that needs no write or a different one (`alreadyExists` on create).
 */
export type BatchItemResult<K> =
  | { key: K; ok: true; note?: 'alreadyExists' | 'notFound' }
  | { key: K; ok: false; error: BatchItemError };

/** Runs one batch call; a LakemirrorError (after retries) marks every item of the batch failed. */
export async function failWholeBatchOnError<K>(
  keys: readonly K[],
  send: () => Promise<BatchItemResult<K>[]>,
): Promise<BatchItemResult<K>[]> {
  try {
    return await send();
  } catch (error) {
    if (!(error instanceof LakemirrorError)) throw error;
    const failure = { code: error.code, message: error.message };
    return keys.map((key) => ({ key, ok: false, error: failure }));
  }
}

/** The result of one item given the failure the API reported for it (if any): `aws.<ErrorCode>`. */
export function itemResult<K>(
  key: K,
  failure: { Error?: { ErrorCode?: string; ErrorMessage?: string } } | undefined,
): BatchItemResult<K> {
  if (!failure) return { key, ok: true };
  const code = failure.Error?.ErrorCode ?? 'UnknownError';
  return { key, ok: false, error: { code: `aws.${code}`, message: failure.Error?.ErrorMessage ?? code } };
}
