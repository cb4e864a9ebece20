import { describe, expect, it } from 'vitest';
import { clusterOf, findMassChange, heldClusterOf } from '../../src/realtime/replay/massChange.ts';

describe('mass change', () => {
  it('clusters units by database, a table’s partitions by table, the rest by account or lake', () => {
    expect(clusterOf({ kind: 'table', database: 'sales', table: 'orders' })).toBe('database:sales');
    expect(clusterOf({ kind: 'partitions', database: 'sales', table: 'orders' })).toBe('table:sales.orders');
    expect(
      clusterOf({ kind: 'grants', resource: { Table: { DatabaseName: 'sales', Name: 'orders' } } }),
    ).toBe('database:sales');
    expect(clusterOf({ kind: 'lfTag', tagKey: 'team' })).toBe('account');
    expect(clusterOf({ kind: 'broad' })).toBe('lake');
    const held = new Set(['database:sales']);
    expect(heldClusterOf({ kind: 'partitions', database: 'sales', table: 'orders' }, held)).toBe(
      'database:sales',
    );
    expect(heldClusterOf({ kind: 'table', database: 'hr', table: 'staff' }, held)).toBeUndefined();
  });

  it('holds the largest clusters until what is left is under the share of every target object', () => {
    const units = [
      { unitId: 'a', cluster: 'database:mass', changes: 167 },
      { unitId: 'b', cluster: 'database:other', changes: 1 },
      { unitId: 'c', cluster: 'database:third', changes: 15 },
    ];
    const verdict = findMassChange('us-west-2', 1000, units, 5);
    expect(verdict).toMatchObject({ planned: 183, threshold: 50 });
    expect(verdict.held.map((h) => h.cluster)).toEqual(['database:mass']);
    expect(findMassChange('us-west-2', 1000, units, 25).held).toEqual([]);
  });

  it('holds a table losing most of its partitions, measured against its own partitions', () => {
    const units = [
      { unitId: 'p', cluster: 'table:logs.events', changes: 175, partitionsKnown: 179 },
      { unitId: 'q', cluster: 'table:logs.small', changes: 3, partitionsKnown: 4 },
    ];
    const verdict = findMassChange('us-west-2', 100_000, units, 25);
    expect(verdict.held).toMatchObject([{ cluster: 'table:logs.events', known: 179, threshold: 45 }]);
  });
});
