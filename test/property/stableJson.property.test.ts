import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableEqual, stableStringify } from '../../src/model/stableStringify.ts';

/**
 * The planner decides "equal" with stableEqual, which walks both values instead of writing them; it must
 * agree with the definition (same stable JSON text) on every value, including the ones JSON treats oddly.
 */
function reference(value: unknown): string | undefined {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v === null || typeof v !== 'object' || v instanceof Date) return v;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) out[key] = sort((v as Record<string, unknown>)[key]);
    return out;
  };
  return JSON.stringify(sort(value));
}

const leaf = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    0,
    -0,
    1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    '0',
    'a',
    'b',
    true,
    false,
  ),
  fc.constantFrom(new Date(0), '1970-01-01T00:00:00.000Z'),
  fc.string({ maxLength: 3 }),
);
const keys = fc.constantFrom('a', 'b', 'B', 'c', '10', '2', 'Name', 'Values');
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(keys, tie('value'), { maxKeys: 5 }),
}));
/** The same value with every object's keys in another insertion order. */
function shuffled(v: unknown, seed: number): unknown {
  if (Array.isArray(v)) return v.map((item) => shuffled(item, seed + 1));
  if (v === null || typeof v !== 'object' || v instanceof Date) return v;
  const entries = Object.entries(v);
  if (seed % 2 === 0) entries.reverse();
  return Object.fromEntries(entries.map(([k, item]) => [k, shuffled(item, seed + 1)]));
}

describe('stable JSON', () => {
  it('stableStringify writes sorted-key JSON, whatever the insertion order', () => {
    fc.assert(
      fc.property(value, fc.nat(), (v, seed) => {
        expect(stableStringify(v)).toBe(reference(v));
        expect(stableStringify(shuffled(v, seed))).toBe(reference(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('stableEqual is equality of the stable JSON text', () => {
    fc.assert(
      fc.property(value, value, fc.nat(), (a, b, seed) => {
        expect(stableEqual(a, b)).toBe(reference(a) === reference(b));
        expect(stableEqual(a, shuffled(a, seed))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('tells apart what JSON tells apart and joins what it joins', () => {
    expect(stableEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(stableEqual([undefined], [null])).toBe(true);
    expect(stableEqual({ a: Number.NaN }, { a: null })).toBe(true);
    expect(stableEqual({ a: new Date(0) }, { a: '1970-01-01T00:00:00.000Z' })).toBe(true);
    expect(stableEqual({ a: '1' }, { a: 1 })).toBe(false);
    expect(stableEqual({ a: [] }, { a: {} })).toBe(false);
    expect(stableEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
  });

  it('writes a value whose keys are already in order as JSON.stringify does', () => {
    const sorted = { a: [{ b: 1, c: 2 }], d: { e: 'x' } };
    expect(stableStringify(sorted)).toBe(JSON.stringify(sorted));
  });
});
