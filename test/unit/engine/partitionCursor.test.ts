import { describe, expect, it } from 'vitest';
import { partitionCursor } from '../../../src/engine/partitionCursor.ts';
import type { PartitionRecord } from '../../../src/model/records.ts';

const partition = (table: string, value: string): PartitionRecord => ({
  kind: 'partition',
  databaseName: 'sales',
  tableName: table,
  input: { Values: [value] },
});

async function* groups(pulled: string[]) {
  for (const table of ['a', 'c', 'd']) {
    pulled.push(table);
    yield { tableKey: `sales.${table}`, partitions: [partition(table, '1'), partition(table, '2')] };
  }
}

describe('partitionCursor', () => {
  it('answers each requested table from the ordered stream, none for a table it lacks, pulling lazily', async () => {
    const pulled: string[] = [];
    const cursor = partitionCursor(groups(pulled));
    const [a, b, c] = await Promise.all([
      cursor.partitionsOf('sales.a'),
      cursor.partitionsOf('sales.b'),
      cursor.partitionsOf('sales.c'),
    ]);
    expect(a.map((p) => p.input.Values)).toEqual([['1'], ['2']]);
    expect(b).toEqual([]);
    expect(c.map((p) => p.tableName)).toEqual(['c', 'c']);
    expect(pulled).toEqual(['a', 'c']);
    expect(await cursor.partitionsOf('sales.z')).toEqual([]);
    await cursor.close();
  });

  it('refuses a request below the last one: the stream cannot go back', async () => {
    const cursor = partitionCursor(groups([]));
    await cursor.partitionsOf('sales.c');
    expect(() => cursor.partitionsOf('sales.a')).toThrow(/requests must ascend/);
    await cursor.close();
  });
});
