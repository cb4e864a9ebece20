import type { LocalCloud } from '@lakemirror/localcloud';
import { describe, expect, it } from 'vitest';
import { parseInterval } from '../../src/cli/commands/realtime.ts';
import type { Action } from '../../src/plan/actions.ts';
import type { ObjectRef } from '../../src/realtime/events/objectRef.ts';
import { toEventItems } from '../../src/realtime/eventTable/items.ts';
import { broadScope } from '../../src/realtime/replay/broadReconcile.ts';
import { countChanges, judgeChanges } from '../../src/realtime/replay/circuitBreaker.ts';
import { lagStats, nextAttemptAt } from '../../src/realtime/replay/replayReport.ts';
import { broadDatabases, buildUnits } from '../../src/realtime/replay/units.ts';
import { demoConfig } from '../support/demoSync.ts';

let n = 0;
const items = (...objects: ObjectRef[]) =>
  objects.flatMap((object) => {
    n += 1;
    const event = {
      eventId: `e${n}`,
      eventTime: `2026-01-01T00:00:${String(60 - n).padStart(2, '0')}.000Z`,
      eventName: 'X',
      eventSource: 'glue.amazonaws.com',
      region: 'us-east-1',
      accountId: '123456789012',
      objects: [object],
    };
    return toEventItems(event, { stagedAt: new Date(0), retentionDays: 1 });
  });

describe('replay units', () => {
  it('merge the partitions of one table, widen to all of them, and order parents first', () => {
    const units = buildUnits(
      items(
        { kind: 'permissions', resource: { Table: { DatabaseName: 'sales', Name: 'orders' } } },
        { kind: 'partition', database: 'sales', table: 'orders', values: ['1'] },
        { kind: 'partition', database: 'sales', table: 'orders', values: ['2'] },
        { kind: 'partition', database: 'sales', table: 'orders', values: ['1'] },
        { kind: 'table', database: 'sales', table: 'orders' },
        { kind: 'partition', database: 'sales', table: 'stores', values: ['1'] },
        { kind: 'partitions', database: 'sales', table: 'stores' },
        { kind: 'database', database: 'sales' },
      ),
    );
    expect(units.map((u) => [u.id, u.items.length])).toEqual([
      ['database:sales', 1],
      ['table:sales.orders', 1],
      ['partitions:sales.stores', 2],
      ['partitions:sales.orders', 3],
      ['grants:table:sales.orders', 1],
    ]);
    expect(units[3]!.scope).toEqual({
      kind: 'partitions',
      database: 'sales',
      table: 'orders',
      values: [['1'], ['2']],
    });
    expect(units[2]!.scope).toEqual({ kind: 'partitions', database: 'sales', table: 'stores' });
  });

  it('read grants and tags on columns with their table, and reconcile broadly what cannot be named', () => {
    const columns = {
      TableWithColumns: { DatabaseName: 'sales', Name: 'customers', ColumnNames: ['email'] },
    };
    const units = buildUnits(
      items(
        { kind: 'permissions', resource: columns },
        { kind: 'permissions', resource: { Table: { DatabaseName: 'sales', Name: 'customers' } } },
        { kind: 'lfTagAssignment', resource: columns },
        { kind: 'permissions', resource: { Nonsense: {} } },
        { kind: 'catalog' },
      ),
    );
    expect(units.map((u) => [u.id, u.items.length])).toEqual([
      ['lfTagAssignment:table:sales.customers', 1],
      ['grants:table:sales.customers', 2],
      ['broad', 2],
    ]);
  });

  it('reconcile a database broadly on its own, merged with other databases, or within a whole-lake run', () => {
    const scoped = buildUnits(
      items(
        { kind: 'catalog', database: 'sales' },
        { kind: 'database', database: 'sales' },
        { kind: 'catalog', database: 'hr' },
        { kind: 'catalog', database: 'sales' },
      ),
    );
    expect(scoped.map((u) => [u.id, u.items.length])).toEqual([
      ['database:sales', 1],
      ['broad:hr', 1],
      ['broad:sales', 2],
    ]);
    expect(scoped[2]!.scope).toEqual({ kind: 'broad', database: 'sales' });
    expect(broadDatabases(scoped)).toEqual({ databases: ['hr', 'sales'], account: false });
    expect(broadDatabases(scoped.slice(0, 1))).toEqual({ databases: [], account: false });
    // The reconcile cycle's unit for the objects tied to no database joins a scoped run.
    const withAccount = [...scoped, ...buildUnits(items({ kind: 'catalog', account: true }))];
    expect(withAccount.at(-1)!.id).toBe('broad-account');
    expect(broadDatabases(withAccount)).toEqual({ databases: ['hr', 'sales'], account: true });
    const whole = buildUnits(items({ kind: 'catalog', database: 'sales' }, { kind: 'catalog' }));
    expect(whole.map((u) => u.id)).toEqual(['broad', 'broad:sales']);
    expect(broadDatabases(whole)).toBeUndefined();
  });

  it('leave out of a scoped broad reconcile the databases outside the config’s filters', () => {
    const config = demoConfig({ endpoint: 'http://localhost:1' } as LocalCloud, {
      filters: { databases: { include: ['sales*'], exclude: ['sales_tmp'] } },
    });
    const units = (...databases: string[]) =>
      buildUnits(items(...databases.map((database): ObjectRef => ({ kind: 'catalog', database }))));
    expect(broadScope(config, units('sales', 'hr', 'sales_tmp'))).toEqual({
      databases: ['sales'],
      account: false,
    });
    expect(broadScope(config, units('hr'))).toEqual({ databases: [], account: false });
    expect(broadScope(config, [...units('hr'), ...buildUnits(items({ kind: 'catalog' }))])).toBeUndefined();
  });
});

describe('circuit breaker', () => {
  const action = (kind: Action['kind'], op: Action['op'], key: string) => ({ kind, op, key }) as Action;

  it('counts updates and deletes, partitions one by one, never creates', () => {
    expect(
      countChanges([
        action('table', 'create', 's.a'),
        action('table', 'delete', 's.b'),
        action('grant', 'delete', 'p|table:s.c'),
        action('partition', 'delete', 's.d/["1"]'),
        action('partition', 'update', 's.d/["2"]'),
        action('partition', 'delete', 's.e/["1"]'),
      ]),
    ).toBe(5);
  });

  it('trips above max(floor, percent of the objects known), per target', () => {
    expect(judgeChanges([{ target: 'a', planned: 20, known: 20 }], 25)).toMatchObject({
      tripped: false,
      threshold: 20,
    });
    expect(judgeChanges([{ target: 'a', planned: 21, known: 21 }], 25)).toMatchObject({ tripped: true });
    expect(judgeChanges([{ target: 'a', planned: 30, known: 1000 }], 25)).toMatchObject({
      tripped: false,
      threshold: 250,
    });
    expect(
      judgeChanges(
        [
          { target: 'a', planned: 3, known: 10 },
          { target: 'b', planned: 300, known: 1000 },
        ],
        25,
      ),
    ).toMatchObject({ tripped: true, target: 'b', planned: 300, threshold: 250 });
  });
});

describe('retry and lag arithmetic', () => {
  it('backs off exponentially up to the cap', () => {
    const now = new Date(0);
    expect([0, 1, 2, 10].map((a) => nextAttemptAt(now, a, 30_000, 900_000).getTime())).toEqual([
      30_000, 60_000, 120_000, 900_000,
    ]);
  });

  it('reports max and median lag', () => {
    expect(lagStats([])).toEqual({ count: 0, maxMs: null, p50Ms: null });
    expect(lagStats([5, 1, 3, 9])).toEqual({ count: 4, maxMs: 9, p50Ms: 3 });
  });

  it('parses watch intervals', () => {
    expect(['60s', '5m', '1500ms', '2', '1h', '1s'].map(parseInterval)).toEqual([
      60_000, 300_000, 1500, 2000, 3_600_000, 1000,
    ]);
    expect(() => parseInterval('soon')).toThrow(/not an interval/);
    for (const short of ['0', '0s', '500ms'])
      expect(() => parseInterval(short)).toThrow(/shorter than 1 second/);
  });
});
