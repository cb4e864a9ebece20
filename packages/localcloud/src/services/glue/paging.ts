import { invalidInput } from '../../service.ts';

/** Glue's continuation tokens are opaque; ours carry the last key returned, so inserts never shift a page. */
export function encodeToken(lastKey: string): string {
  return Buffer.from(JSON.stringify({ after: lastKey }), 'utf8').toString('base64url');
}

export function decodeToken(token: string | undefined): string | undefined {
  if (token === undefined || token === '') return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof decoded.after === 'string') return decoded.after;
  } catch {
    // falls through to the service's answer
  }
  throw invalidInput('Invalid NextToken: the continuation token is not valid.');
}

/** Index of the first key strictly greater than `key` in an ascending list. */
export function firstAfter(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! <= key) low = mid + 1;
    else high = mid;
  }
  return low;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/**
 * One page over ascending keys, resuming after the token's key. `select` maps a key to the item to answer or
 * `undefined` to skip it (filters, segments). A token is returned while keys remain after a full page.
 */
export function pageOf<T>(
  sorted: readonly string[],
  token: string | undefined,
  size: number,
  select: (key: string) => T | undefined,
): Page<T> {
  const after = decodeToken(token);
  const items: T[] = [];
  let index = after === undefined ? 0 : firstAfter(sorted, after);
  for (; index < sorted.length && items.length < size; index++) {
    const item = select(sorted[index]!);
    if (item !== undefined) items.push(item);
  }
  const more = items.length === size && index < sorted.length;
  return more ? { items, nextToken: encodeToken(sorted[index - 1]!) } : { items };
}
