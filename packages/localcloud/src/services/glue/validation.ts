import { lowerFirst, ServiceError } from '../../service.ts';

/**
 * Glue checks modeled constraints (list lengths, numeric ranges) before the operation runs and answers
 * `ValidationException` with the Coral-style message, e.g. (BatchDeletePartition with 100 entries):
 * `1 validation error detected: Value '[PartitionValueList(values=[p1]), …]' at 'partitionsToDelete' failed to
 * satisfy constraint: Member must have length less than or equal to 25`.
 */
function constraintViolation(rendered: string, path: string, constraint: string): ServiceError {
  return new ServiceError(
    'ValidationException',
    `1 validation error detected: Value '${rendered}' at '${path}' failed to satisfy constraint: ${constraint}`,
  );
}

/** Renders a list member as the service's Java model `toString` does (values only, the rest elided). */
export const renderValueList = (values: unknown): string =>
  `PartitionValueList(values=[${Array.isArray(values) ? values.join(', ') : ''}])`;
export const renderPartitionInput = (input: { Values?: unknown } | undefined): string =>
  `PartitionInput(values=[${Array.isArray(input?.Values) ? input.Values.join(', ') : ''}])`;

/** Rejects a list longer than the model allows (the batch maxima). */
export function checkMaxLength<T>(
  list: T[],
  member: string,
  max: number,
  render: (item: T) => string = String,
): void {
  if (list.length <= max) return;
  const rendered = `[${list.map(render).join(', ')}]`;
  throw constraintViolation(
    rendered,
    lowerFirst(member),
    `Member must have length less than or equal to ${max}`,
  );
}

/** Rejects an integer member outside the model's range (MaxResults, Segment). */
export function checkRange(value: unknown, path: string, min: number, max: number): void {
  if (value === undefined || value === null) return;
  const n = Number(value);
  if (n < min) {
    throw constraintViolation(String(value), path, `Member must have value greater than or equal to ${min}`);
  }
  if (n > max) {
    throw constraintViolation(String(value), path, `Member must have value less than or equal to ${max}`);
  }
}

/** The page size of a list call: the caller's MaxResults (validated) or the service's default. */
export function pageSize(input: { MaxResults?: number }, max: number, fallback = max): number {
  checkRange(input.MaxResults, 'maxResults', 1, max);
  return input.MaxResults ?? fallback;
}
