/** A seeded pseudo-random generator: numbers in [0, 1). */
export type Random = () => number;

/** mulberry32: tiny, fast, and good enough to shape synthetic lakes; the same seed gives the same stream. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-bit seed derived from a base seed and a path (`deriveSeed(seed, 'table', 3, 17)`), so each table's
 * details come from their own stream and can be generated lazily, in any order, with the same result.
 */
export function deriveSeed(seed: number, ...path: Array<string | number>): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (const ch of `${path.join('/')}`) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // One mulberry step mixes the FNV result so nearby paths give unrelated seeds.
  return Math.floor(mulberry32(hash)() * 4294967296) >>> 0;
}

/** An integer in [min, max]. */
export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** `count` distinct items of `items` (count ≤ items.length), in random order. */
export function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const copy = [...items];
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}
