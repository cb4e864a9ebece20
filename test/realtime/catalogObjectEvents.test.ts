import { describe, expect, it } from 'vitest';
import { GLUE_EXTRACTORS } from '../../src/realtime/events/glueObjects.ts';

const extract = (event: string, params: Record<string, unknown>) => GLUE_EXTRACTORS[event]!(params);

describe('CloudTrail events of partition indexes, functions and column statistics', () => {
  it('names the index set of the table, also for a table created with indexes', () => {
    expect(extract('CreatePartitionIndex', { databaseName: 'Sales', tableName: 'Orders' })).toEqual([
      { kind: 'partitionIndexes', database: 'sales', table: 'orders' },
    ]);
    expect(
      extract('CreateTable', {
        databaseName: 'sales',
        tableInput: { name: 'orders' },
        partitionIndexes: [{ indexName: 'i', keys: ['dt'] }],
      }),
    ).toEqual([
      { kind: 'table', database: 'sales', table: 'orders' },
      { kind: 'partitionIndexes', database: 'sales', table: 'orders' },
    ]);
  });

  it('names a function, both names of a rename, or every function of the database when none was kept', () => {
    expect(
      extract('UpdateUserDefinedFunction', {
        databaseName: 'sales',
        functionName: 'old',
        functionInput: { functionName: 'new' },
      }),
    ).toEqual([
      { kind: 'function', database: 'sales', name: 'old' },
      { kind: 'function', database: 'sales', name: 'new' },
    ]);
    expect(extract('DeleteUserDefinedFunction', { databaseName: 'sales' })).toEqual([
      { kind: 'function', database: 'sales' },
    ]);
  });

  it('names the statistics of a table or a partition, and reconciles the database when values are missing', () => {
    expect(extract('DeleteColumnStatisticsForTable', { databaseName: 'sales', tableName: 'orders' })).toEqual(
      [{ kind: 'columnStatistics', database: 'sales', table: 'orders' }],
    );
    expect(
      extract('UpdateColumnStatisticsForPartition', {
        databaseName: 'sales',
        tableName: 'orders',
        partitionValues: ['2026-01-01'],
      }),
    ).toEqual([{ kind: 'columnStatistics', database: 'sales', table: 'orders', values: ['2026-01-01'] }]);
    expect(
      extract('DeleteColumnStatisticsForPartition', { databaseName: 'sales', tableName: 'orders' }),
    ).toEqual([{ kind: 'catalog', database: 'sales' }]);
  });
});
