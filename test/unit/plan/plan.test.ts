import { describe, expect, it } from 'vitest';
import { isLakemirrorError } from '../../../src/model/errors.ts';
import type { SnapshotRecord } from '../../../src/model/records.ts';
import type { Action } from '../../../src/plan/actions.ts';
import { checkMaxDeletes, type PlanOptions, plan, planPartitions } from '../../../src/plan/plan.ts';
import { summarizeActions, unchangedCounts } from '../../../src/plan/summary.ts';
import {
  ANALYST,
  database,
  dataCellsFilter,
  grant,
  lfTag,
  lfTagAssignment,
  location,
  onDatabase,
  onLocation,
  onTable,
  partition,
  settings,
  table,
} from '../support/records.ts';

const options: PlanOptions = {
  deleteMissing: false,
  s3Mapping: { 'src-bucket': 'dst-bucket' },
  catalog: true,
  permissions: true,
};

const source: SnapshotRecord[] = [
  settings({ DataLakeAdmins: [{ DataLakePrincipalIdentifier: ANALYST }] }),
  database('sales', { LocationUri: 's3://src-bucket/sales/' }),
  table('sales', 'orders'),
  dataCellsFilter('sales', 'orders', 'eu'),
  location('arn:aws:s3:::src-bucket/sales'),
  lfTag('env', ['prod']),
  lfTagAssignment(onDatabase('sales'), { env: ['prod'] }),
  grant(ANALYST, onTable('sales', 'orders'), ['SELECT']),
  grant(ANALYST, onLocation('arn:aws:s3:::src-bucket/sales'), ['DATA_LOCATION_ACCESS']),
];

/** What the target looks like after applying the plan: the source, remapped. */
function replicaOf(records: readonly SnapshotRecord[]): SnapshotRecord[] {
  return plan(records, [], options).flatMap((a) => (a.desired ? [a.desired] : []));
}

const ops = (actions: readonly Action[]) => actions.map((a) => `${a.op} ${a.kind} ${a.key}`);

describe('plan', () => {
  it('creates everything in dependency order into an empty target', () => {
    const actions = plan(source, [], options);

    expect(ops(actions)).toEqual([
      'create dataLakeSettings settings',
      'create database sales',
      'create table sales.orders',
      'create dataCellsFilter sales.orders.eu',
      'create location arn:aws:s3:::dst-bucket/sales',
      'create lfTag env',
      'create lfTagAssignment database:sales',
      `create grant ${ANALYST}|location:arn:aws:s3:::dst-bucket/sales`,
      `create grant ${ANALYST}|table:sales.orders`,
    ]);
    expect(actions[2]).toMatchObject({
      desired: { input: { StorageDescriptor: { Location: 's3://dst-bucket/sales/orders/' } } },
    });
  });

  it('plans nothing for a target that already matches (idempotence)', () => {
    const target = replicaOf(source);

    expect(plan(source, target, options)).toEqual([]);
    expect(plan(source, target, { ...options, deleteMissing: true })).toEqual([]);
  });

  it('deletes nothing without deleteMissing, and deletes in reverse order with it', () => {
    const target = [
      ...replicaOf(source),
      database('old'),
      table('old', 't'),
      grant(ANALYST, onTable('old', 't'), ['SELECT']),
      lfTag('retired', ['x']),
    ];

    expect(plan(source, target, options)).toEqual([]);
    expect(ops(plan(source, target, { ...options, deleteMissing: true }))).toEqual([
      `delete grant ${ANALYST}|table:old.t`,
      'delete lfTag retired',
      'delete table old.t',
      'delete database old',
    ]);
  });

  it('leaves excluded databases in the target alone, even with deleteMissing', () => {
    const target = [
      ...replicaOf(source),
      database('hr'),
      table('hr', 'people'),
      grant(ANALYST, onDatabase('hr'), ['ALL']),
    ];
    const filtered = { ...options, deleteMissing: true, filter: { databases: { exclude: ['hr'] } } };

    expect(plan(source, target, filtered)).toEqual([]);
  });

  it('neither creates excluded source objects', () => {
    const filtered = { ...options, filter: { tables: { exclude: ['sales.orders'] } } };

    const actions = plan(source, [], filtered);

    expect(ops(actions).filter((op) => op.includes('sales.orders'))).toEqual([]);
  });

  it('honours the catalog and permissions toggles', () => {
    const catalogOnly = plan(source, [], { ...options, permissions: false });
    const permissionsOnly = plan(source, [], { ...options, catalog: false });

    expect(new Set(catalogOnly.map((a) => a.kind))).toEqual(new Set(['database', 'table']));
    expect(permissionsOnly.some((a) => a.kind === 'database' || a.kind === 'table')).toBe(false);
  });
});

describe('planPartitions', () => {
  const sourceParts = [partition('sales', 'orders', ['1']), partition('sales', 'orders', ['2'])];

  it('creates remapped partitions and deletes extra ones only with deleteMissing', () => {
    const target = [partition('sales', 'orders', ['0'])];

    const keep = planPartitions('sales.orders', sourceParts, target, options);
    const mirror = planPartitions('sales.orders', sourceParts, target, { ...options, deleteMissing: true });

    expect(ops(keep)).toEqual(['create partition sales.orders/["1"]', 'create partition sales.orders/["2"]']);
    expect(keep[0]?.desired).toMatchObject({
      input: { StorageDescriptor: { Location: 's3://dst-bucket/sales/orders/1/' } },
    });
    expect(ops(mirror).at(-1)).toBe('delete partition sales.orders/["0"]');
  });

  it('plans nothing for a table outside the filter', () => {
    const filtered = { ...options, deleteMissing: true, filter: { databases: { exclude: ['sales'] } } };

    expect(planPartitions('sales.orders', sourceParts, [], filtered)).toEqual([]);
  });
});

describe('checkMaxDeletes', () => {
  const deletes = [database('a'), database('b'), database('c')].map(
    (current): Action => ({ kind: 'database', op: 'delete', key: current.input.Name, current }),
  );

  it('counts deletes planned elsewhere (partitions) with the actions', () => {
    const more = (count: number) => ({ count, first: [] });
    expect(() => checkMaxDeletes(deletes, 5, more(2))).not.toThrow();
    expect(() => checkMaxDeletes(deletes, 5, more(3))).toThrow(
      /6 objects \(3 database, 3 partition\).*limit of 5/,
    );
  });

  it('names the first 20 deletes and counts the rest', () => {
    const many = Array.from({ length: 25 }, (_, i): Action => {
      const current = database(`db${String(i).padStart(2, '0')}`);
      return { kind: 'database', op: 'delete', key: current.input.Name, current };
    });
    expect(() => checkMaxDeletes(many, 0)).toThrow(/database db19; and 5 more\.$/);
    expect(() => checkMaxDeletes(many, 0)).not.toThrow(/db20/);
  });

  it('passes at the limit and without a limit', () => {
    expect(() => checkMaxDeletes(deletes, 3)).not.toThrow();
    expect(() => checkMaxDeletes(deletes, undefined)).not.toThrow();
  });

  it('throws plan.maxDeletesExceeded naming the count, the limit and the fix', () => {
    try {
      checkMaxDeletes(deletes, 2);
      expect.unreachable();
    } catch (error) {
      expect(isLakemirrorError(error, 'plan.maxDeletesExceeded')).toBe(true);
      expect(error).toMatchObject({
        source: 'user',
        message: expect.stringMatching(/3 objects \(3 database\).*limit of 2; nothing was written/),
      });
      expect((error as Error).message).toContain('would delete: database a; database b; database c.');
      expect((error as { fix?: string }).fix).toContain('maxDeletes');
    }
  });
});

describe('summary', () => {
  it('counts actions per kind and op and derives unchanged counts', () => {
    const target = [database('sales', { Description: 'x', LocationUri: 's3://dst-bucket/sales/' })];
    const actions = plan(source, target, { ...options, permissions: false });

    const summary = summarizeActions(actions);

    expect(summary.database).toEqual({ create: 0, update: 1, delete: 0 });
    expect(summary.table).toEqual({ create: 1, update: 0, delete: 0 });
    expect(summary.grant).toEqual({ create: 0, update: 0, delete: 0 });
    expect(unchangedCounts(actions, { database: 3, table: 1 })).toEqual({ database: 2, table: 0 });
  });
});
