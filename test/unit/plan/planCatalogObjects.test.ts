import { describe, expect, it } from 'vitest';
import type {
  ColumnStatisticsRecord,
  FunctionRecord,
  PartitionIndexRecord,
} from '../../../src/model/records.ts';
import { checkMaxDeletes, plan } from '../../../src/plan/plan.ts';
import { database, table } from '../support/records.ts';

const index = (name: string, keys: string[]): PartitionIndexRecord => ({
  kind: 'partitionIndex',
  databaseName: 'sales',
  tableName: 'orders',
  index: { IndexName: name, Keys: keys },
});
const fn = (name: string, className = 'x.Y'): FunctionRecord => ({
  kind: 'function',
  databaseName: 'sales',
  input: { FunctionName: name, ClassName: className },
});
const stats = (max: number, partitionValues?: string[]): ColumnStatisticsRecord => ({
  kind: 'columnStatistics',
  databaseName: 'sales',
  tableName: 'orders',
  ...(partitionValues ? { partitionValues } : {}),
  columns: [
    {
      ColumnName: 'id',
      ColumnType: 'bigint',
      AnalyzedTime: '2026-11-01T00:00:00.000Z',
      StatisticsData: {
        Type: 'LONG',
        LongColumnStatisticsData: { MaximumValue: max, NumberOfNulls: 0, NumberOfDistinctValues: 1 },
      },
    },
  ],
});
const options = { deleteMissing: false, s3Mapping: {}, catalog: true, permissions: false };

describe('plan: partition indexes, functions, column statistics', () => {
  it('orders functions after their database and indexes and statistics after their table', () => {
    const source = [database('sales'), table('sales', 'orders'), fn('f'), index('i', ['dt']), stats(5)];
    const order = plan(source, [], options).map((a) => a.kind);
    expect(order).toEqual(['database', 'function', 'table', 'partitionIndex', 'columnStatistics']);
  });

  it('deletes only with deleteMissing, counts them against maxDeletes, and leaves partition statistics alone by default', () => {
    const target = [fn('gone'), index('old', ['dt']), stats(1), stats(2, ['2026-01-01'])];
    expect(plan([], target, options)).toEqual([]);
    const deletes = plan([], target, { ...options, deleteMissing: true });
    expect(deletes.map((a) => `${a.op} ${a.kind} ${a.key}`)).toEqual([
      'delete columnStatistics sales.orders',
      'delete partitionIndex sales.orders#old',
      'delete function sales.gone',
    ]);
    expect(() => checkMaxDeletes(deletes, 2)).toThrow(
      /3 objects \(1 columnStatistics, 1 partitionIndex, 1 function\)/,
    );
    const withPartitions = plan([], target, {
      ...options,
      deleteMissing: true,
      columnStatistics: { tables: false, partitions: true },
    });
    expect(withPartitions.map((a) => a.key)).toEqual([
      'sales.orders/["2026-01-01"]',
      'sales.orders#old',
      'sales.gone',
    ]);
  });

  it('updates a changed function and statistics in place, with the changed fields', () => {
    const actions = plan([fn('f', 'x.V2'), stats(9)], [fn('f'), stats(5)], options);
    expect(actions.map((a) => [a.kind, a.op, a.changes?.map((c) => c.path)])).toEqual([
      ['function', 'update', ['ClassName']],
      ['columnStatistics', 'update', ['columns[0].StatisticsData.LongColumnStatisticsData.MaximumValue']],
    ]);
  });
});
