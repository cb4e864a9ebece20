/**
 * Removes `undefined`, `null`, empty arrays, and empty objects (recursively), so that "absent" has one
 * spelling, and orders object keys. Glue answers with `Parameters: {}` where the input had none; without this they would differ.
 * Not for LF resources, where empty objects (`TableWildcard: {}`) carry meaning.
 */
export function pruneEmpty<T>(value: T): T {
  return (pruneValue(value) ?? (Array.isArray(value) ? [] : {})) as T;
}

function pruneValue(value: unknown): unknown {
  if (value === null || value === undefined || value instanceof Date) return undefined;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    // Array elements keep their positions: an element that prunes away is kept as an empty value.
    const items: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      items[i] = pruneValue(item) ?? (typeof item === 'object' ? {} : item);
    }
    return items;
  }
  // Plain loops, not entries/map: Glue's answers for a lake pass through here once per partition. Keys come
  // out sorted, as the snapshot writes them, so writing and comparing a record needs no sorted copy of it.
  const object = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(object).sort()) {
    const pruned = pruneValue(object[key]);
    if (pruned === undefined) continue;
    out ??= {};
    out[key] = pruned;
  }
  return out;
}

/** Sorted copy without duplicates: the canonical form of a set-like list. */
export function sortedSet(values: readonly string[] | undefined): string[] {
  return [...new Set(values ?? [])].sort();
}
