import type { ErrorDetail } from '@aws-sdk/client-glue';
import type { AwsCallContext } from './awsCallContext.ts';
import { type BatchItemResult, failWholeBatchOnError } from './batchItemResult.ts';
import { chunk } from './chunk.ts';

/** Partition results are keyed by the partition values. */
export type PartitionWriteResult = BatchItemResult<string[]>;

/** A per-item error as the Glue batch partition APIs return it. */
export interface PartitionItemError {
  values: string[] | undefined;
  detail: ErrorDetail | undefined;
}

/** One batch partition write: how to chunk, key and send items, and which error code is benign. */
export interface PartitionBatchSpec<T> {
  operation: string;
  object: string;
  items: readonly T[];
  size: number;
  keyOf: (item: T) => string[];
  send: (batch: T[]) => Promise<PartitionItemError[]>;
  /** AlreadyExists on create (needs update) / EntityNotFound on delete (already gone): ok with a note. */
  benignCode?: 'AlreadyExistsException' | 'EntityNotFoundException';
}

/**
 * Chunks to the API maximum, sends the chunks with the context's bounded concurrency (each
 * through limiter and retries), and returns one result per item in input order.
 */
export async function sendPartitionBatches<T>(
  context: AwsCallContext,
  spec: PartitionBatchSpec<T>,
): Promise<PartitionWriteResult[]> {
  const results = await Promise.all(
    chunk(spec.items, spec.size).map((batch) =>
      context.limit(() =>
        failWholeBatchOnError(batch.map(spec.keyOf), async () => {
          const errors = await context.call(spec.operation, spec.object, () => spec.send(batch));
          const byKey = new Map(errors.map((e) => [JSON.stringify(e.values ?? []), e.detail]));
          return batch.map((item) => toResult(spec.keyOf(item), byKey, spec.benignCode));
        }),
      ),
    ),
  );
  return results.flat();
}

function toResult(
  key: string[],
  errorsByKey: Map<string, ErrorDetail | undefined>,
  benignCode: string | undefined,
): PartitionWriteResult {
  const id = JSON.stringify(key);
  if (!errorsByKey.has(id)) return { key, ok: true };
  const detail = errorsByKey.get(id);
  const code = detail?.ErrorCode ?? 'UnknownError';
  if (code === benignCode)
    return { key, ok: true, note: code === 'AlreadyExistsException' ? 'alreadyExists' : 'notFound' };
  return { key, ok: false, error: { code: `aws.${code}`, message: detail?.ErrorMessage ?? code } };
}
