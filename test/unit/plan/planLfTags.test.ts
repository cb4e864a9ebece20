import { describe, expect, it } from 'vitest';
import { plan } from '../../../src/plan/plan.ts';
import { planLfTagAssignments } from '../../../src/plan/planLfTagAssignments.ts';
import { planLfTags } from '../../../src/plan/planLfTags.ts';
import { lfTag, lfTagAssignment, onDatabase, onTable } from '../support/records.ts';

describe('planLfTags', () => {
  it('creates a missing tag and adds missing values', () => {
    const actions = planLfTags(
      [lfTag('env', ['dev', 'prod']), lfTag('team', ['a'])],
      [lfTag('env', ['dev'])],
      {
        deleteMissing: false,
      },
    );

    expect(actions.map((a) => [a.op, a.key, a.desired?.values])).toEqual([
      ['update', 'env', ['dev', 'prod']],
      ['create', 'team', ['a']],
    ]);
    expect(actions[0]?.changes).toEqual([{ path: 'values', before: ['dev'], after: ['dev', 'prod'] }]);
  });

  it('keeps target-only values without deleteMissing', () => {
    expect(
      planLfTags([lfTag('env', ['prod'])], [lfTag('env', ['prod', 'test'])], { deleteMissing: false }),
    ).toEqual([]);
  });

  it('removes an unassigned target-only value with deleteMissing', () => {
    const actions = planLfTags([lfTag('env', ['prod'])], [lfTag('env', ['prod', 'test'])], {
      deleteMissing: true,
    });

    // A removal is a delete carrying what the tag keeps, so it runs after revokes and unassignments.
    expect(actions).toMatchObject([
      { op: 'delete', key: 'env', current: { values: ['prod', 'test'] }, desired: { values: ['prod'] } },
    ]);
  });

  it('adds and removes values of one tag as an update then a delete', () => {
    const actions = planLfTags([lfTag('env', ['prod', 'stage'])], [lfTag('env', ['prod', 'test'])], {
      deleteMissing: true,
    });

    expect(actions.map((a) => [a.op, a.current?.values, a.desired?.values])).toEqual([
      ['update', ['prod', 'test'], ['prod', 'stage', 'test']],
      ['delete', ['prod', 'stage', 'test'], ['prod', 'stage']],
    ]);
  });

  it('blocks removing a value the target still assigns', () => {
    const targetAssignments = [lfTagAssignment(onTable('sales', 'orders'), { env: ['test'] })];

    const actions = planLfTags([lfTag('env', ['prod'])], [lfTag('env', ['prod', 'test'])], {
      deleteMissing: true,
      targetAssignments,
    });

    expect(actions).toEqual([]);
  });

  it('deletes a target-only tag with deleteMissing unless one of its values is assigned', () => {
    const target = [lfTag('old', ['x']), lfTag('busy', ['a', 'b'])];
    const targetAssignments = [lfTagAssignment(onDatabase('sales'), { busy: ['a'] })];

    const actions = planLfTags([], target, { deleteMissing: true, targetAssignments });

    expect(actions.map((a) => [a.op, a.key, a.desired?.values])).toEqual([
      ['delete', 'old', undefined],
      ['delete', 'busy', ['a']],
    ]);
  });
});

describe('plan: LF-Tag values and the assignments of the same run', () => {
  const options = { deleteMissing: true, s3Mapping: {}, catalog: true, permissions: true };
  const orders = onTable('sales', 'orders');

  it('removes a value in the run that unassigns it, and keeps one still assigned outside the filter', () => {
    const source = [lfTag('env', ['prod'])];
    const target = [
      lfTag('env', ['prod', 'test', 'old']),
      lfTagAssignment(orders, { env: ['test'] }),
      lfTagAssignment(onTable('archive', 'events'), { env: ['old'] }),
    ];

    const actions = plan(source, target, { ...options, filter: { databases: { exclude: ['archive'] } } });

    const values = (a: (typeof actions)[number]) => (a.kind === 'lfTag' ? (a.desired?.values ?? '') : '');
    expect(actions.map((a) => `${a.op} ${a.kind} ${a.key} ${values(a)}`)).toEqual([
      'delete lfTagAssignment table:sales.orders ',
      'delete lfTag env old,prod',
    ]);
  });
});

describe('planLfTagAssignments', () => {
  const orders = onTable('sales', 'orders');

  it('creates assignments on untagged resources and sets the source value of a tag', () => {
    const source = [
      lfTagAssignment(orders, { env: ['prod'] }),
      lfTagAssignment(onDatabase('sales'), { team: ['a'] }),
    ];
    const target = [lfTagAssignment(orders, { env: ['dev'] })];

    const actions = planLfTagAssignments(source, target, { deleteMissing: false });

    expect(actions.map((a) => [a.op, a.key])).toEqual([
      ['update', 'table:sales.orders'],
      ['create', 'database:sales'],
    ]);
    expect(actions[0]?.changes).toEqual([{ path: 'env', before: ['dev'], after: ['prod'] }]);
  });

  it('keeps target-only tag keys unless deleteMissing', () => {
    const source = [lfTagAssignment(orders, { env: ['prod'] })];
    const target = [lfTagAssignment(orders, { env: ['prod'], owner: ['x'] })];

    expect(planLfTagAssignments(source, target, { deleteMissing: false })).toEqual([]);
    expect(planLfTagAssignments(source, target, { deleteMissing: true })).toMatchObject([
      { op: 'update', desired: { tags: [{ key: 'env', values: ['prod'] }] } },
    ]);
  });

  it('deletes assignments of resources the source does not tag only with deleteMissing', () => {
    const target = [lfTagAssignment(orders, { env: ['prod'] })];

    expect(planLfTagAssignments([], target, { deleteMissing: false })).toEqual([]);
    expect(planLfTagAssignments([], target, { deleteMissing: true })).toMatchObject([{ op: 'delete' }]);
  });
});
