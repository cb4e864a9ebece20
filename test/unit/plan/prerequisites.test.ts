import { describe, expect, it } from 'vitest';
import type { GrantRecord, SnapshotRecord } from '../../../src/model/records.ts';
import type { Action } from '../../../src/plan/actions.ts';
import { objectRef, prerequisites, SETTINGS_REF } from '../../../src/plan/prerequisites.ts';
import { projectApplied } from '../../../src/plan/projectApplied.ts';

const grant = (resource: GrantRecord['resource'], permissions = ['SELECT']): GrantRecord => ({
  kind: 'grant',
  principal: 'arn:aws:iam::111122223333:role/analyst',
  resource,
  permissions,
  grantable: [],
});

describe('prerequisites: what must exist before an object is created', () => {
  it('orders the catalog: settings, then databases, then tables, then what hangs off a table', () => {
    expect(prerequisites({ kind: 'database', input: { Name: 'Sales' } })).toEqual([SETTINGS_REF]);
    expect(prerequisites({ kind: 'table', databaseName: 'Sales', input: { Name: 'Orders' } })).toEqual([
      'database:sales',
    ]);
    expect(
      prerequisites({
        kind: 'partition',
        databaseName: 'sales',
        tableName: 'orders',
        input: { Values: ['1'] },
      }),
    ).toEqual(['table:sales.orders']);
    expect(
      prerequisites({
        kind: 'dataCellsFilter',
        filter: {
          DatabaseName: 'sales',
          TableName: 'orders',
          Name: 'eu',
          RowFilter: { AllRowsWildcard: {} },
        },
      }),
    ).toEqual(['table:sales.orders']);
  });

  it('a grant needs the resource it names, whatever kind that is', () => {
    expect(prerequisites(grant({ Catalog: {} }))).toEqual([]);
    expect(prerequisites(grant({ Database: { Name: 'sales' } }))).toEqual(['database:sales']);
    expect(prerequisites(grant({ Table: { DatabaseName: 'sales', Name: 'orders' } }))).toEqual([
      'table:sales.orders',
    ]);
    expect(prerequisites(grant({ Table: { DatabaseName: 'sales', TableWildcard: {} } }))).toEqual([
      'database:sales',
    ]);
    expect(
      prerequisites(
        grant({ TableWithColumns: { DatabaseName: 'sales', Name: 'orders', ColumnNames: ['id'] } }),
      ),
    ).toEqual(['table:sales.orders']);
    expect(prerequisites(grant({ DataLocation: { ResourceArn: 'arn:aws:s3:::lake/x' } }))).toEqual([
      'location:arn:aws:s3:::lake/x',
    ]);
    expect(prerequisites(grant({ LFTag: { TagKey: 'env', TagValues: ['prod'] } }))).toEqual(['lfTag:env']);
    expect(
      prerequisites(
        grant({
          LFTagPolicy: {
            ResourceType: 'TABLE',
            Expression: [
              { TagKey: 'env', TagValues: ['prod'] },
              { TagKey: 'domain', TagValues: ['sales'] },
            ],
          },
        }),
      ),
    ).toEqual(['lfTag:env', 'lfTag:domain']);
    expect(
      prerequisites(grant({ DataCellsFilter: { DatabaseName: 'sales', TableName: 'orders', Name: 'eu' } })),
    ).toEqual(['dataCellsFilter:sales.orders.eu']);
  });

  it('a tag assignment needs its resource and every tag it uses; references match the objects they name', () => {
    const assignment: SnapshotRecord = {
      kind: 'lfTagAssignment',
      resource: { Table: { DatabaseName: 'sales', Name: 'orders' } },
      tags: [
        { key: 'env', values: ['prod'] },
        { key: 'domain', values: ['sales'] },
      ],
    };
    expect(prerequisites(assignment)).toEqual(['table:sales.orders', 'lfTag:env', 'lfTag:domain']);
    expect(objectRef({ kind: 'table', databaseName: 'Sales', input: { Name: 'Orders' } })).toBe(
      'table:sales.orders',
    );
    expect(objectRef({ kind: 'lfTag', key: 'env', values: ['prod'] })).toBe('lfTag:env');
    expect(objectRef({ kind: 'location', resourceArn: 'arn:aws:s3:::lake/x' })).toBe(
      'location:arn:aws:s3:::lake/x',
    );
  });
});

describe('projectApplied: the target as a set of creates left it', () => {
  it('adds created objects, replaces updated ones, and merges a grant into the entry it extends', () => {
    const before: SnapshotRecord[] = [
      { kind: 'lfTag', key: 'env', values: ['dev'] },
      grant({ Database: { Name: 'sales' } }, ['DESCRIBE']),
    ];
    const applied: Action[] = [
      {
        kind: 'lfTag',
        op: 'update',
        key: 'env',
        current: { kind: 'lfTag', key: 'env', values: ['dev'] },
        desired: { kind: 'lfTag', key: 'env', values: ['dev', 'prod'] },
      },
      {
        kind: 'database',
        op: 'create',
        key: 'sales',
        desired: { kind: 'database', input: { Name: 'sales' } },
      },
      {
        kind: 'grant',
        op: 'create',
        key: 'g',
        desired: grant({ Database: { Name: 'sales' } }, ['ALTER']),
      },
    ];
    expect(projectApplied(before, applied)).toEqual([
      { kind: 'lfTag', key: 'env', values: ['dev', 'prod'] },
      { kind: 'database', input: { Name: 'sales' } },
      grant({ Database: { Name: 'sales' } }, ['ALTER', 'DESCRIBE']),
    ]);
    expect(projectApplied(before, [])).toEqual(before);
  });
});
