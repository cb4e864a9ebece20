import { describe, expect, it } from 'vitest';
import { objectFilter } from '../../src/realtime/events/eventFilter.ts';
import type { ObjectRef } from '../../src/realtime/events/objectRef.ts';

const table = (database: string, t: string): ObjectRef => ({ kind: 'table', database, table: t });

describe('objectFilter', () => {
  const keep = objectFilter({
    databases: { include: ['sales*', 'hr'], exclude: ['sales_tmp'] },
    tables: { exclude: ['*.tmp_*', 'hr.salar?'] },
  });

  it('keeps databases by include and exclude globs', () => {
    expect(keep({ kind: 'database', database: 'sales' })).toBe(true);
    expect(keep({ kind: 'database', database: 'sales_eu' })).toBe(true);
    expect(keep({ kind: 'database', database: 'sales_tmp' })).toBe(false);
    expect(keep({ kind: 'database', database: 'finance' })).toBe(false);
  });

  it('needs both the database and the db.table pattern to keep table-level objects', () => {
    expect(keep(table('sales', 'orders'))).toBe(true);
    expect(keep(table('sales', 'tmp_orders'))).toBe(false);
    expect(keep(table('hr', 'salary'))).toBe(false);
    expect(keep(table('hr', 'salaries'))).toBe(true);
    expect(keep(table('finance', 'ledger'))).toBe(false);
    expect(keep({ kind: 'partition', database: 'sales', table: 'tmp_x', values: ['1'] })).toBe(false);
    expect(keep({ kind: 'partitions', database: 'hr', table: 'people' })).toBe(true);
    expect(keep({ kind: 'dataCellsFilter', database: 'finance', table: 'ledger', name: 'f' })).toBe(false);
  });

  it('scopes LF resources by the database or table they name', () => {
    const on = (resource: Record<string, unknown>): ObjectRef => ({ kind: 'permissions', resource });
    expect(keep(on({ Database: { Name: 'finance' } }))).toBe(false);
    expect(keep(on({ Table: { DatabaseName: 'sales', Name: 'tmp_a' } }))).toBe(false);
    expect(keep(on({ Table: { DatabaseName: 'sales', TableWildcard: {} } }))).toBe(true);
    expect(keep(on({ TableWithColumns: { DatabaseName: 'finance', Name: 'x' } }))).toBe(false);
    expect(keep(on({ DataCellsFilter: { DatabaseName: 'sales', TableName: 'tmp_a', Name: 'f' } }))).toBe(
      false,
    );
    expect(keep({ kind: 'lfTagAssignment', resource: { Database: { Name: 'hr' } } })).toBe(true);
    expect(keep(on({ DataLocation: { ResourceArn: 'arn:aws:s3:::x' } }))).toBe(true);
    expect(keep(on({ LFTag: { TagKey: 'env', TagValues: ['prod'] } }))).toBe(true);
    expect(keep(on({ Catalog: {} }))).toBe(true);
  });

  it('always keeps objects not tied to a database', () => {
    const none = objectFilter({ databases: { include: [] } });
    for (const ref of [
      { kind: 'catalog' },
      { kind: 'location', resourceArn: 'arn:aws:s3:::x' },
      { kind: 'lfTag', tagKey: 'env' },
      { kind: 'dataLakeSettings' },
    ] as ObjectRef[])
      expect(none(ref)).toBe(true);
    expect(none({ kind: 'database', database: 'sales' })).toBe(false);
  });

  it('keeps a database’s broad reconcile only when the database passes', () => {
    expect(keep({ kind: 'catalog', database: 'sales_eu' })).toBe(true);
    expect(keep({ kind: 'catalog', database: 'sales_tmp' })).toBe(false);
    expect(keep({ kind: 'catalog', database: 'finance' })).toBe(false);
    expect(keep({ kind: 'catalog' })).toBe(true);
  });

  it('keeps catalogs below the default one, and what lies in them, only when source.catalogs selects them', () => {
    const selected = objectFilter({ catalogs: ['fed_*'], tables: { exclude: ['fed_pg/*.secret'] } });
    expect(selected({ kind: 'glueCatalog', path: 'fed_pg' })).toBe(true);
    expect(selected({ kind: 'glueCatalog', path: 'fed_pg/inner' })).toBe(true);
    expect(selected({ kind: 'glueCatalog', path: 's3tablescatalog' })).toBe(false);
    expect(objectFilter()({ kind: 'glueCatalog', path: 'fed_pg' })).toBe(false);
    const grant = (CatalogId: string, Name: string): ObjectRef => ({
      kind: 'permissions',
      resource: { Table: { CatalogId, DatabaseName: 'ns', Name } },
    });
    expect(selected(grant('123456789012:fed_pg', 'orders'))).toBe(true);
    const onCatalog = (Id: string): ObjectRef => ({ kind: 'permissions', resource: { Catalog: { Id } } });
    expect(selected(onCatalog('123456789012:fed_pg'))).toBe(true);
    expect(selected(onCatalog('123456789012:s3tablescatalog'))).toBe(false);
    expect(selected(onCatalog('123456789012'))).toBe(true);
    expect(selected(grant('123456789012:fed_pg', 'secret'))).toBe(false);
    expect(selected(grant('123456789012:s3tablescatalog/b', 'orders'))).toBe(false);
    const tagged: ObjectRef = {
      kind: 'lfTagAssignment',
      resource: { Database: { CatalogPath: 'fed_pg', Name: 'ns' } },
    };
    expect(selected(tagged)).toBe(false);
    expect(selected({ kind: 'optIns', resource: { Database: { CatalogPath: 'fed_pg', Name: 'ns' } } })).toBe(
      true,
    );
  });

  it('keeps everything without filters, and treats regex characters literally', () => {
    expect(objectFilter()(table('a', 'b'))).toBe(true);
    const literal = objectFilter({ tables: { include: ['a.b+c'] } });
    expect(literal(table('a', 'b+c'))).toBe(true);
    expect(literal(table('a', 'bbc'))).toBe(false);
  });
});
