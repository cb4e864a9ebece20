import { describe, expect, it } from 'vitest';
import { compilePartitionExpression } from '../src/services/glue/partitionExpression.ts';
import {
  partitionKey,
  putPartition,
  removePartition,
  sortedPartitionKeys,
} from '../src/services/glue/partitionStore.ts';
import type { StoredTable } from '../src/services/glue/state.ts';

describe('Glue partition store', () => {
  it('keeps its sorted index equal to the sorted keys through interleaved writes and reads', () => {
    const table: StoredTable = { table: {}, versions: [], partitions: {} };
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let round = 0; round < 200; round++) {
      for (let i = 0; i < 20; i++) {
        const key = partitionKey([String(random() % 500)]);
        if (random() % 3 === 0) removePartition(table, key);
        else putPartition(table, key, {});
      }
      if (round % 3 === 0) expect(sortedPartitionKeys(table)).toEqual(Object.keys(table.partitions).sort());
    }
  });

  it('evaluates expressions with the partition key types', () => {
    const keys = [
      { Name: 'region', Type: 'string' },
      { Name: 'hour', Type: 'int' },
    ];
    const matches = compilePartitionExpression("region = 'eu' AND hour > 9", keys);
    expect(matches(['eu', '10'])).toBe(true); // numeric key: 10 > 9
    expect(matches(['eu', '9'])).toBe(false);
    expect(compilePartitionExpression("region > 'a' AND hour IS NOT NULL", keys)(['b', '1'])).toBe(true);
    expect(compilePartitionExpression("region NOT IN ('eu', 'us')", keys)(['ap', '1'])).toBe(true);
    expect(compilePartitionExpression("'it''s' = region", keys)(["it's", '1'])).toBe(true);
    expect(compilePartitionExpression('hour >= -1', keys)(['x', '0'])).toBe(true);
    expect(() => compilePartitionExpression('flag = 1', [{ Name: 'flag', Type: 'boolean' }])).toThrow(
      /unsupported type/,
    );
  });
});
