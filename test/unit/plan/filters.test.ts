import { describe, expect, it } from 'vitest';
import {
  createCatalogFilter,
  isDatabaseIncluded,
  isRecordIncluded,
  isTableIncluded,
} from '../../../src/plan/filters.ts';
import {
  ANALYST,
  dataCellsFilter,
  grant,
  lfTag,
  lfTagAssignment,
  onDatabase,
  onLocation,
  onTable,
  partition,
  settings,
  table,
} from '../support/records.ts';

describe('catalog filter', () => {
  it('includes everything when empty', () => {
    const filter = createCatalogFilter();

    expect(isDatabaseIncluded(filter, 'anything')).toBe(true);
    expect(isTableIncluded(filter, 'any', 'table')).toBe(true);
  });

  it('applies database globs with * and ? and lets exclude win', () => {
    const filter = createCatalogFilter({
      databases: { include: ['sales_*', 'hr?'], exclude: ['sales_tmp*'] },
    });

    expect(isDatabaseIncluded(filter, 'sales_eu')).toBe(true);
    expect(isDatabaseIncluded(filter, 'HR1')).toBe(true);
    expect(isDatabaseIncluded(filter, 'hr12')).toBe(false);
    expect(isDatabaseIncluded(filter, 'sales_tmp1')).toBe(false);
    expect(isDatabaseIncluded(filter, 'marketing')).toBe(false);
  });

  it('applies db.table globs, and a table needs its database', () => {
    const filter = createCatalogFilter({
      databases: { exclude: ['scratch'] },
      tables: { include: ['sales.*', 'scratch.*'], exclude: ['*.tmp_*'] },
    });

    expect(isTableIncluded(filter, 'sales', 'orders')).toBe(true);
    expect(isTableIncluded(filter, 'sales', 'tmp_orders')).toBe(false);
    expect(isTableIncluded(filter, 'scratch', 'x')).toBe(false);
    expect(isTableIncluded(filter, 'hr', 'people')).toBe(false);
  });

  it('treats dots in globs literally', () => {
    const filter = createCatalogFilter({ tables: { include: ['sales.orders'] } });

    expect(isTableIncluded(filter, 'sales', 'orders')).toBe(true);
    expect(isTableIncluded(filter, 'salesx', 'orders')).toBe(false);
  });

  it('lets grants, assignments, filters and partitions follow their database or table', () => {
    const filter = createCatalogFilter({ databases: { exclude: ['hr'] } });

    expect(isRecordIncluded(filter, grant(ANALYST, onDatabase('hr'), ['DESCRIBE']))).toBe(false);
    expect(isRecordIncluded(filter, grant(ANALYST, onTable('hr', 'people'), ['SELECT']))).toBe(false);
    expect(
      isRecordIncluded(
        filter,
        grant(ANALYST, { Table: { DatabaseName: 'hr', TableWildcard: {} } }, ['SELECT']),
      ),
    ).toBe(false);
    expect(isRecordIncluded(filter, lfTagAssignment(onTable('hr', 'people'), { env: ['prod'] }))).toBe(false);
    expect(isRecordIncluded(filter, dataCellsFilter('hr', 'people', 'f'))).toBe(false);
    expect(isRecordIncluded(filter, partition('hr', 'people', ['1']))).toBe(false);
    expect(isRecordIncluded(filter, table('sales', 'orders'))).toBe(true);
  });

  it('always includes account-wide records', () => {
    const filter = createCatalogFilter({ databases: { include: ['nothing'] } });

    expect(isRecordIncluded(filter, grant(ANALYST, { Catalog: {} }, ['CREATE_DATABASE']))).toBe(true);
    expect(
      isRecordIncluded(filter, grant(ANALYST, onLocation('arn:aws:s3:::b'), ['DATA_LOCATION_ACCESS'])),
    ).toBe(true);
    expect(isRecordIncluded(filter, lfTag('env', ['prod']))).toBe(true);
    expect(isRecordIncluded(filter, settings())).toBe(true);
  });
});
