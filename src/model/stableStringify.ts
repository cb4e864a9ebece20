/**
 * JSON text with object keys in sorted order and arrays in their given order.
 * Equality of records is defined as equality of this text, so it must not depend on key insertion order.
 * Like JSON.stringify, `undefined` object values are omitted (and become `null` inside arrays).
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value));
}

/**
 * `value` with every object's keys in sorted order. Parts already in order are returned as they are, not
 * copied: records read back from a snapshot (written sorted) cost no allocation here.
 */
function sortKeysDeep(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i += 1) {
      const item = value[i];
      const sorted = sortKeysDeep(item);
      if (sorted !== item) {
        copy ??= value.slice();
        copy[i] = sorted;
      }
    }
    return copy ?? value;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  let inOrder = true;
  for (let i = 1; i < keys.length && inOrder; i += 1) inOrder = keys[i - 1]! < keys[i]!;
  let copy: Record<string, unknown> | undefined;
  if (!inOrder) {
    keys.sort();
    copy = {};
  }
  for (const key of keys) {
    const item = object[key];
    const sorted = sortKeysDeep(item);
    if (sorted !== item && !copy) {
      copy = {};
      for (const earlier of keys) {
        if (earlier === key) break;
        copy[earlier] = object[earlier];
      }
    }
    if (copy) copy[key] = sorted;
  }
  return copy ?? value;
}

/**
 * True when both values have the same stable JSON text, decided by walking them side by side instead of
 * writing both texts: the planner compares every partition of both Regions, and this allocates nothing.
 */
export function stableEqual(a: unknown, b: unknown): boolean {
  return jsonEqual(jsonValue(a), jsonValue(b));
}

/** What JSON.stringify writes for a value: `toJSON` applied, non-finite numbers as null. */
function jsonValue(value: unknown): unknown {
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  )
    return (value as { toJSON: () => unknown }).toJSON();
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (typeof value === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  return value;
}

/** Values JSON.stringify leaves out of an object (and writes as null inside an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** Both arguments are already `jsonValue`s. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Distinct primitives never write the same text (0 and -0 are ===; NaN became null in jsonValue).
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const arrayA = Array.isArray(a);
  if (arrayA !== Array.isArray(b)) return false;
  return arrayA
    ? arraysEqual(a as unknown[], b as unknown[])
    : objectsEqual(a as Record<string, unknown>, b as Record<string, unknown>);
}

function arraysEqual(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = jsonValue(a[i]);
    const y = jsonValue(b[i]);
    if (!jsonEqual(omitted(x) ? null : x, omitted(y) ? null : y)) return false;
  }
  return true;
}

function objectsEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let shownInA = 0;
  for (const key of Object.keys(a)) {
    const x = jsonValue(a[key]);
    if (omitted(x)) continue;
    shownInA += 1;
    if (!Object.hasOwn(b, key)) return false;
    const y = jsonValue(b[key]);
    if (omitted(y) || !jsonEqual(x, y)) return false;
  }
  let shownInB = 0;
  for (const key of Object.keys(b)) if (!omitted(jsonValue(b[key]))) shownInB += 1;
  return shownInA === shownInB;
}
