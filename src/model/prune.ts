/**
 * Removes `undefined`, `null`, empty arrays, and empty objects (recursively), so that "absent" has one
 * spelling. Glue answers with `Parameters: {}` where the input had none; without this they would differ.
 * Not for LF resources, where empty objects (`TableWildcard: {}`) carry meaning.
 */
export function pruneEmpty<T>(value: T): T {
  return (pruneValue(value) ?? (Array.isArray(value) ? [] : {})) as T;
}

function pruneValue(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return undefined;
  if (Array.isArray(value)) {
    // Array elements keep their positions: an element that prunes away is kept as an empty value.
    const items = value.map((item) => pruneValue(item) ?? (typeof item === 'object' ? {} : item));
    return items.length === 0 ? undefined : items;
  }
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const pruned = pruneValue(item);
    if (pruned !== undefined) out[key] = pruned;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/** Sorted copy without duplicates: the canonical form of a set-like list. */
export function sortedSet(values: readonly string[] | undefined): string[] {
  return [...new Set(values ?? [])].sort();
}
