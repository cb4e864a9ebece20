import { describe, expect, it } from 'vitest';
import { type ErrorCode, LakemirrorError } from '../../../src/model/errors.ts';
import { sha256 } from '../../../src/model/hash.ts';
import {
  grantKey,
  partitionKey,
  recordKey,
  resourceKey,
  tableKey,
  tableKeyOfPartition,
} from '../../../src/model/keys.ts';
import { snapshotRecordSchema } from '../../../src/model/records.ts';
import { stableEqual, stableStringify } from '../../../src/model/stableStringify.ts';
import { ANALYST, dataCellsFilter, onTable, partition, table } from '../support/records.ts';

describe('stableStringify', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    const text = stableStringify({ b: 1, a: { d: [3, 1], c: undefined, b: null } });

    expect(text).toBe('{"a":{"b":null,"d":[3,1]},"b":1}');
    expect(stableEqual({ x: 1, y: 2 }, { y: 2, x: 1 })).toBe(true);
  });
});

describe('sha256', () => {
  it('prefixes the algorithm', () => {
    expect(sha256('')).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('keys', () => {
  it('lowercases names and keeps commas in partition values unambiguous', () => {
    expect(tableKey('Sales', 'Orders')).toBe('sales.orders');
    expect(partitionKey('sales', 'orders', ['a,b', 'c'])).toBe('sales.orders/["a,b","c"]');
    expect(partitionKey('sales', 'orders', ['a', 'b,c'])).not.toBe(
      partitionKey('sales', 'orders', ['a,b', 'c']),
    );
  });

  it('finds the table of a partition key, slashes in its values included', () => {
    expect(tableKeyOfPartition(partitionKey('Sales', 'Orders', ['2024/01', 'eu']))).toBe('sales.orders');
    expect(tableKeyOfPartition(partitionKey('sales', 'orders', []))).toBe(tableKey('sales', 'orders'));
  });

  it('gives each resource type its own prefix', () => {
    expect(resourceKey({ Catalog: {} })).toBe('catalog');
    expect(resourceKey({ Table: { DatabaseName: 'sales', TableWildcard: {} } })).toBe('table:sales.*');
    expect(
      resourceKey({
        TableWithColumns: {
          DatabaseName: 'sales',
          Name: 'orders',
          ColumnWildcard: { ExcludedColumnNames: ['ssn'] },
        },
      }),
    ).toBe('columns:sales.orders*-["ssn"]');
    expect(grantKey(ANALYST, onTable('sales', 'orders'))).toBe(`${ANALYST}|table:sales.orders`);
  });

  it('tells an object of a catalog below the default one from the default catalog’s of the same name', () => {
    const bucket = 's3tablescatalog/analytics';
    const keys = [
      resourceKey({ Table: { DatabaseName: 'ns', Name: 'orders' } }),
      resourceKey({ Table: { DatabaseName: 'ns', Name: 'orders', CatalogPath: bucket } }),
      resourceKey({ Table: { DatabaseName: 'ns', TableWildcard: {}, CatalogPath: bucket } }),
      resourceKey({ Database: { Name: 'ns', CatalogPath: bucket } }),
      resourceKey({ Catalog: { CatalogPath: bucket } }),
      resourceKey({
        TableWithColumns: { DatabaseName: 'ns', Name: 'orders', ColumnNames: ['id'], CatalogPath: bucket },
      }),
    ];
    expect(keys).toEqual([
      'table:ns.orders',
      `table:${bucket}/ns.orders`,
      `table:${bucket}/ns.*`,
      `database:${bucket}/ns`,
      `catalog:${bucket}`,
      `columns:${bucket}/ns.orders["id"]`,
    ]);
  });

  it('derives the key of each kind of record', () => {
    expect(recordKey(table('sales', 'orders'))).toBe('sales.orders');
    expect(recordKey(partition('sales', 'orders', ['2024']))).toBe('sales.orders/["2024"]');
    expect(recordKey(dataCellsFilter('sales', 'orders', 'eu'))).toBe('sales.orders.eu');
    expect(recordKey({ kind: 'dataLakeSettings', settings: {} })).toBe('settings');
  });
});

describe('record schemas', () => {
  it('reject an unknown top-level record field by name', () => {
    const result = snapshotRecordSchema.safeParse({ ...table('sales', 'orders'), colour: 'red' });

    expect(result.success).toBe(false);
    expect(result.error?.message).toContain('colour');
  });

  it('strip unknown Glue server fields inside the payload', () => {
    const record = table('sales', 'orders');
    const parsed = snapshotRecordSchema.parse({ ...record, input: { ...record.input, VersionId: '3' } });

    expect(parsed).toEqual(record);
  });

  it('reject an LF resource with two members', () => {
    const result = snapshotRecordSchema.safeParse({
      kind: 'grant',
      principal: ANALYST,
      resource: { Catalog: {}, Database: { Name: 'sales' } },
      permissions: ['ALL'],
      grantable: [],
    });

    expect(result.success).toBe(false);
  });
});

describe('LakemirrorError', () => {
  it('carries code, source, object, fix and cause', () => {
    const cause = new Error('boom');
    const error = new LakemirrorError({
      code: 'x.y' as ErrorCode,
      source: 'aws',
      message: 'failed',
      object: 'table sales.orders',
      fix: 'Retry.',
      cause,
    });

    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      code: 'x.y' as ErrorCode,
      source: 'aws',
      object: 'table sales.orders',
      fix: 'Retry.',
      cause,
    });
  });
});
