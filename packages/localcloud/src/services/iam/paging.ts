import { ServiceError } from '../../service.ts';

/**
 * One page of a name-sorted list, IAM style: `Marker` in, `IsTruncated` + `Marker` out. The marker is the
 * last name answered, encoded, so deleting entities between pages neither skips nor repeats the others.
 */
export function pageByName<T>(
  items: T[],
  nameOf: (item: T) => string,
  marker: string | undefined,
  maxItems: number,
): { page: T[]; IsTruncated: boolean; Marker?: string } {
  const sorted = [...items].sort((a, b) => compare(nameOf(a), nameOf(b)));
  let after: string | undefined;
  if (marker !== undefined) {
    after = Buffer.from(marker, 'base64url').toString('utf8');
    if (!after) throw new ServiceError('ValidationError', 'Invalid Marker.', 400);
  }
  const rest = after === undefined ? sorted : sorted.filter((item) => compare(nameOf(item), after) > 0);
  const page = rest.slice(0, maxItems);
  const truncated = rest.length > maxItems;
  const last = page.at(-1);
  return {
    page,
    IsTruncated: truncated,
    ...(truncated && last ? { Marker: Buffer.from(nameOf(last), 'utf8').toString('base64url') } : {}),
  };
}

function compare(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
