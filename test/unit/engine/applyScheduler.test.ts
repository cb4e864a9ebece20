import { describe, expect, it } from 'vitest';
import type { ActionResult } from '../../../src/engine/apply/actionResult.ts';
import { applyInDependencyOrder } from '../../../src/engine/apply/applyScheduler.ts';
import type { RegionSide } from '../../../src/engine/regionSide.ts';
import type { Action } from '../../../src/plan/actions.ts';

/** The one apply order sync, restore, failback, replay and reconcile share (applyScheduler.ts). */
const action = (kind: string, op: string, key: string, desired?: object) =>
  ({ kind, op, key, ...(desired ? { desired } : {}) }) as unknown as Action;

const actions: Action[] = [
  action('grant', 'create', 'g1'),
  action('table', 'delete', 'db.old'),
  action('columnStatistics', 'update', 'db.t/["1"]', { partitionValues: ['1'] }),
  action('columnStatistics', 'update', 'db.t', {}),
  action('table', 'create', 'db.t'),
  action('grant', 'delete', 'g0'),
  action('database', 'create', 'db'),
];

describe('applyInDependencyOrder', () => {
  it('creates kind by kind, runs the partitions beside Lake Formation, then partition statistics, then deletes in reverse', async () => {
    const events: string[] = [];
    let releasePartitions: () => void = () => {};
    const partitionsHeld = new Promise<void>((resolve) => {
      releasePartitions = resolve;
    });
    const applied: ActionResult[] = [];
    await applyInDependencyOrder({} as RegionSide, {
      actions,
      onApplied: (results) => applied.push(...results),
      applyKindWith: async (_target, kind, all) => {
        const chosen = all.filter((a) => a.kind === kind);
        for (const a of chosen) events.push(`${a.op} ${a.kind} ${a.key}`);
        // The partitions wait for the grants: the grants must not wait for the partitions.
        if (kind === 'grant' && chosen.some((a) => a.op === 'create')) releasePartitions();
        return chosen.map((a) => ({ kind: a.kind, key: a.key, op: a.op, ok: true }) as ActionResult);
      },
      partitions: async () => {
        events.push('partitions start');
        await partitionsHeld;
        events.push('partitions end');
      },
    });

    expect(events.slice(0, 2)).toEqual(['create database db', 'create table db.t']);
    // Beside each other: the grant and the table's statistics went out while the partitions were held.
    expect(events.slice(2, 5).sort()).toEqual(
      ['create grant g1', 'partitions start', 'update columnStatistics db.t'].sort(),
    );
    expect(events.slice(5)).toEqual([
      'partitions end',
      'update columnStatistics db.t/["1"]',
      'delete grant g0',
      'delete table db.old',
    ]);
    expect(applied).toHaveLength(actions.length);
  });
});
