import { describe, expect, it } from 'vitest';
import { diffFields } from '../../../src/plan/actions.ts';
import { planDatabases } from '../../../src/plan/planDatabases.ts';
import { planDataCellsFilters } from '../../../src/plan/planDataCellsFilters.ts';
import { planLocations } from '../../../src/plan/planLocations.ts';
import { planTables } from '../../../src/plan/planTables.ts';
import { database, dataCellsFilter, location, table } from '../support/records.ts';

const keep = { deleteMissing: false };
const mirror = { deleteMissing: true };

describe('diffFields', () => {
  it('names a changed column type by index and a parameter by key', () => {
    const before = table('sales', 'orders', { Parameters: { classification: 'csv' } }).input;
    const after = structuredClone(before);
    after.Parameters = { classification: 'parquet', 'spark.sql.x': '1' };
    after.StorageDescriptor!.Columns![1]!.Type = 'decimal(10,2)';

    const changes = diffFields(before, after);

    expect(changes).toEqual([
      { path: 'Parameters.classification', before: 'csv', after: 'parquet' },
      { path: 'Parameters["spark.sql.x"]', before: undefined, after: '1' },
      { path: 'StorageDescriptor.Columns[1].Type', before: 'double', after: 'decimal(10,2)' },
    ]);
  });

  it('reports an added column as one change at its index, and plain lists whole', () => {
    expect(diffFields({ Columns: [{ Name: 'a' }] }, { Columns: [{ Name: 'a' }, { Name: 'b' }] })).toEqual([
      { path: 'Columns[1]', before: undefined, after: { Name: 'b' } },
    ]);
    expect(diffFields({ values: ['a'] }, { values: ['a', 'b'] })).toEqual([
      { path: 'values', before: ['a'], after: ['a', 'b'] },
    ]);
  });
});

describe('planDatabases and planTables', () => {
  it('create what the target lacks, update what differs, and nothing for equal records', () => {
    const source = [database('hr'), database('sales', { Description: 'new' }), database('same')];
    const target = [database('sales', { Description: 'old' }), database('same')];

    const actions = planDatabases(source, target, keep);

    expect(actions.map((a) => [a.op, a.key])).toEqual([
      ['create', 'hr'],
      ['update', 'sales'],
    ]);
    expect(actions[1]?.changes).toEqual([{ path: 'Description', before: 'old', after: 'new' }]);
  });

  it('delete target-only objects only with deleteMissing', () => {
    const target = [table('sales', 'orders'), table('sales', 'gone')];
    const source = [table('sales', 'orders')];

    expect(planTables(source, target, keep)).toEqual([]);
    expect(planTables(source, target, mirror)).toEqual([
      { kind: 'table', op: 'delete', key: 'sales.gone', current: table('sales', 'gone') },
    ]);
  });

  it('treat resource links as tables', () => {
    const link = table('sales', 'orders_link', {
      StorageDescriptor: undefined,
      TargetTable: { CatalogId: '210987654321', DatabaseName: 'shared', Name: 'orders' },
    });

    expect(planTables([link], [], keep)).toEqual([
      { kind: 'table', op: 'create', key: 'sales.orders_link', desired: link },
    ]);
  });
});

describe('planLocations and planDataCellsFilters', () => {
  it('update a location whose role changed', () => {
    const source = [
      location('arn:aws:s3:::b/x', { useServiceLinkedRole: undefined, roleArn: 'arn:aws:iam::1:role/new' }),
    ];
    const target = [
      location('arn:aws:s3:::b/x', { useServiceLinkedRole: undefined, roleArn: 'arn:aws:iam::1:role/old' }),
    ];

    const actions = planLocations(source, target, keep);

    expect(actions).toHaveLength(1);
    expect(actions[0]?.changes).toEqual([
      { path: 'roleArn', before: 'arn:aws:iam::1:role/old', after: 'arn:aws:iam::1:role/new' },
    ]);
  });

  it('create, update and (with deleteMissing) delete data cells filters', () => {
    const source = [
      dataCellsFilter('sales', 'orders', 'eu', "region = 'eu'"),
      dataCellsFilter('sales', 'orders', 'us'),
    ];
    const target = [
      dataCellsFilter('sales', 'orders', 'eu', "region = 'EU'"),
      dataCellsFilter('sales', 'orders', 'old'),
    ];

    const actions = planDataCellsFilters(source, target, mirror);

    expect(actions.map((a) => [a.op, a.key])).toEqual([
      ['update', 'sales.orders.eu'],
      ['create', 'sales.orders.us'],
      ['delete', 'sales.orders.old'],
    ]);
    expect(actions[0]?.changes?.[0]?.path).toBe('RowFilter.FilterExpression');
  });
});
