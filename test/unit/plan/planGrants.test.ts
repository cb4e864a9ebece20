import { describe, expect, it } from 'vitest';
import type { LfResource } from '../../../src/model/lfShapes.ts';
import { planGrants } from '../../../src/plan/planGrants.ts';
import { ANALYST, ETL, grant, onTable } from '../support/records.ts';

const orders = onTable('sales', 'orders');
const keep = { deleteMissing: false };
const mirror = { deleteMissing: true };

describe('planGrants', () => {
  it('grants only the missing permissions of a partial grant', () => {
    const source = [grant(ANALYST, orders, ['DESCRIBE', 'SELECT'])];
    const target = [grant(ANALYST, orders, ['DESCRIBE'])];

    const actions = planGrants(source, target, keep);

    expect(actions).toEqual([
      {
        kind: 'grant',
        op: 'create',
        key: `${ANALYST}|table:sales.orders`,
        desired: grant(ANALYST, orders, ['SELECT']),
        changes: [
          { path: 'permissions', before: ['DESCRIBE'], after: ['DESCRIBE', 'SELECT'] },
          { path: 'grantable', before: [], after: [] },
        ],
      },
    ]);
  });

  it('revokes an extra permission only with deleteMissing, and only the extra one', () => {
    const source = [grant(ANALYST, orders, ['SELECT'])];
    const target = [grant(ANALYST, orders, ['INSERT', 'SELECT'], ['INSERT'])];

    expect(planGrants(source, target, keep)).toEqual([]);
    expect(planGrants(source, target, mirror)).toEqual([
      {
        kind: 'grant',
        op: 'delete',
        key: `${ANALYST}|table:sales.orders`,
        current: grant(ANALYST, orders, ['INSERT'], ['INSERT']),
      },
    ]);
  });

  it('adds a grant option the target lacks for a permission it already has', () => {
    const source = [grant(ANALYST, orders, ['SELECT'], ['SELECT'])];
    const target = [grant(ANALYST, orders, ['SELECT'])];

    const actions = planGrants(source, target, keep);

    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      op: 'create',
      desired: { permissions: ['SELECT'], grantable: ['SELECT'] },
    });
  });

  it('treats column grants with different ColumnWildcard exclusions as different resources', () => {
    const excludingSsn: LfResource = {
      TableWithColumns: {
        DatabaseName: 'sales',
        Name: 'orders',
        ColumnWildcard: { ExcludedColumnNames: ['ssn'] },
      },
    };
    const excludingNothing: LfResource = {
      TableWithColumns: { DatabaseName: 'sales', Name: 'orders', ColumnWildcard: {} },
    };
    const source = [grant(ANALYST, excludingSsn, ['SELECT'])];
    const target = [grant(ANALYST, excludingNothing, ['SELECT'])];

    const actions = planGrants(source, target, mirror);

    expect(actions.map((a) => [a.op, a.key])).toEqual([
      ['create', `${ANALYST}|columns:sales.orders*-["ssn"]`],
      ['delete', `${ANALYST}|columns:sales.orders*-[]`],
    ]);
  });

  it('plans nothing for equal grants, even when the target reports them in pieces', () => {
    const source = [grant(ANALYST, orders, ['DESCRIBE', 'SELECT'], ['SELECT'])];
    const target = [grant(ANALYST, orders, ['SELECT'], ['SELECT']), grant(ANALYST, orders, ['DESCRIBE'])];

    expect(planGrants(source, target, mirror)).toEqual([]);
  });

  it('never revokes from protected principals', () => {
    const target = [grant(ETL, orders, ['ALL'])];

    expect(planGrants([], target, { ...mirror, protectedPrincipals: [ETL] })).toEqual([]);
    expect(planGrants([], target, mirror)).toHaveLength(1);
  });
});
