import { describe, expect, it } from 'vitest';
import { generateLake, lakeShape, lakeTotals } from '../../bench/generateLake.ts';
import { lakeHash } from '../../bench/lakeHash.ts';
import { LAKE_SIZES } from '../../bench/lakeSizes.ts';

describe('generateLake', () => {
  it('gives the same lake for the same seed', () => {
    expect(lakeHash(generateLake('small', 7))).toBe(lakeHash(generateLake('small', 7)));
  });

  it('gives a different lake for a different seed', () => {
    expect(lakeHash(generateLake('small', 7))).not.toBe(lakeHash(generateLake('small', 8)));
  });

  it('hits the preset counts exactly', () => {
    const totals = lakeTotals(generateLake('small', 3));
    const params = LAKE_SIZES.small;
    expect(totals).toMatchObject({
      databases: params.databases,
      tables: params.tables,
      partitions: params.partitions,
      grants: params.grants,
      lfTags: params.lfTags,
      lfTagAssignments: params.lfTagAssignments,
      dataCellsFilters: params.dataCellsFilters,
    });
  });

  it('spreads partitions like a real lake: a few large tables, many small ones', () => {
    const shape = lakeShape(generateLake('small', 3));
    const sorted = [...shape.partitionsPerTable].sort((a, b) => b - a);
    expect(sorted[0]).toBeGreaterThan(1000);
    expect(sorted.filter((n) => n < 100).length).toBeGreaterThan(sorted.length / 2);
  });

  it('shapes the large lake without generating its partitions (lazy per table)', () => {
    const started = Date.now();
    const totals = lakeTotals(generateLake('large', 1));
    expect(totals.partitions).toBe(1_000_000);
    expect(totals.tables).toBe(10_000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
