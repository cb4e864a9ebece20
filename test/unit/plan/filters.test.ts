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

  it('takes catalog/db and catalog/db.table globs for catalogs below the default one, if selected', () => {
    const filter = createCatalogFilter({
      catalogs: ['s3tablescatalog/*'],
      databases: { include: ['sales', 's3tablescatalog/*/ns'] },
      tables: { exclude: ['s3tablescatalog/*/ns.secret', 'sales.tmp'] },
    });
    const bucket = 's3tablescatalog/analytics';

    expect(isTableIncluded(filter, 'ns', 'orders', bucket)).toBe(true);
    expect(isTableIncluded(filter, 'ns', 'secret', bucket)).toBe(false);
    expect(isDatabaseIncluded(filter, 'other', bucket)).toBe(false);
    // An unqualified glob names the default catalog only, and a qualified one only other catalogs.
    expect(isTableIncluded(filter, 'sales', 'secret')).toBe(true);
    expect(isTableIncluded(filter, 'sales', 'tmp')).toBe(false);
    expect(isDatabaseIncluded(filter, 'ns')).toBe(false);
    // A catalog source.catalogs does not select is out whatever the globs say.
    expect(isTableIncluded(filter, 'ns', 'orders', 'fed_pg')).toBe(false);
    expect(isDatabaseIncluded(createCatalogFilter({ catalogs: '*' }), 'db', 'fed_pg')).toBe(true);
    expect(
      isRecordIncluded(
        filter,
        grant(ANALYST, { Table: { DatabaseName: 'ns', Name: 'secret', CatalogPath: bucket } }, ['SELECT']),
      ),
    ).toBe(false);
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
