import { lfInvalid } from './errors.ts';

/** The default page size when MaxResults is absent; small enough that tests exercise paging. */
const DEFAULT_PAGE = 100;

interface PageRequest {
  MaxResults?: number;
  NextToken?: string;
}

/** Opaque token: the offset of the next item and the operation it belongs to. */
function decode(token: string, scope: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o: number; s: string };
    if (parsed.s === scope && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // fall through
  }
  throw lfInvalid('Invalid NextToken.');
}

/** One page of `items` (already filtered and in a stable order), with the token of the next page. */
export function page<T>(
  items: T[],
  input: PageRequest,
  scope: string,
  max = 1000,
): { items: T[]; NextToken?: string } {
  const size = input.MaxResults ?? DEFAULT_PAGE;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw lfInvalid(
      `1 validation error detected: Value '${size}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and ${max}`,
    );
  }
  const start = input.NextToken ? decode(input.NextToken, scope) : 0;
  const slice = items.slice(start, start + size);
  const next = start + size;
  return {
    items: slice,
    NextToken:
      next < items.length
        ? Buffer.from(JSON.stringify({ o: next, s: scope })).toString('base64url')
        : undefined,
  };
}
