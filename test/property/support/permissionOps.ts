import {
  AddLFTagsToResourceCommand,
  CreateDataCellsFilterCommand,
  CreateLFTagCommand,
  type DataCellsFilter,
  DeleteDataCellsFilterCommand,
  DeregisterResourceCommand,
  GrantPermissionsCommand,
  type Permission,
  RegisterResourceCommand,
  RemoveLFTagsFromResourceCommand,
  RevokePermissionsCommand,
  UpdateDataCellsFilterCommand,
  UpdateLFTagCommand,
} from '@aws-sdk/client-lakeformation';
import fc from 'fast-check';
import { db, table } from './catalogOps.ts';
import {
  describeTarget,
  type LakeModel,
  names,
  PERMISSIONS,
  resourceOf,
  type Target,
  tableOf,
  targetExists,
} from './lakeModel.ts';
import { type LakeReal, type Op, sourceOp } from './op.ts';
import { ACCOUNT, locationArn, roleArn } from './tinyLake.ts';

const principal = fc.constantFrom('analyst', 'auditor');
const tagKey = names('domain', 'tier');
const tagValue = fc.constantFrom('a', 'b', 'c');
const tagValues = fc.subarray(['a', 'b', 'c'], { minLength: 1 });
const path = names('db1', 'db2');

const grantTarget: fc.Arbitrary<Target> = fc.oneof(
  fc.record({ type: fc.constant('database' as const), db }),
  fc.record({ type: fc.constant('table' as const), db, table }),
  fc.record({ type: fc.constant('tableWildcard' as const), db }),
  fc.record({ type: fc.constant('columns' as const), db, table, columns: fc.constant<string[]>(['id']) }),
  fc.record({
    type: fc.constant('columnWildcard' as const),
    db,
    table,
    excluded: fc.constant<string[]>(['name']),
  }),
  fc.record({ type: fc.constant('location' as const), path }),
  fc.record({ type: fc.constant('lfTag' as const), key: tagKey, values: tagValues }),
);
const tagTarget: fc.Arbitrary<Target> = fc.oneof(
  fc.record({ type: fc.constant('database' as const), db }),
  fc.record({ type: fc.constant('table' as const), db, table }),
  fc.record({ type: fc.constant('columns' as const), db, table, columns: fc.constant<string[]>(['name']) }),
);

const lf = (real: LakeReal) => real.world.source.lakeFormation;
const pick = (all: readonly string[], mask: number) => all.filter((_, i) => mask & (1 << i));

/** Grant or revoke: permissions from a bitmask over what the target accepts, grant options a subset. */
function permissionOp(verb: 'Grant' | 'Revoke') {
  return fc
    .record({
      who: principal,
      target: grantTarget,
      mask: fc.integer({ min: 1, max: 63 }),
      grantMask: fc.nat(63),
    })
    .map(({ who, target, mask, grantMask }) => {
      const all = PERMISSIONS[target.type];
      const permissions = pick(all, mask).length ? pick(all, mask) : [all[0]!];
      // A grant option needs its permission; a revoke may take an option alone and leave the permission.
      const grantable = (verb === 'Grant' ? permissions : all).filter(
        (p) => grantMask & (1 << all.indexOf(p)),
      );
      const input = {
        Principal: { DataLakePrincipalIdentifier: roleArn(who) },
        Resource: resourceOf(target),
        Permissions: permissions as Permission[],
        ...(grantable.length ? { PermissionsWithGrantOption: grantable as Permission[] } : {}),
      };
      const label = `${verb}(${who}, ${describeTarget(target)}, ${permissions.join('+')}${grantable.length ? `, grantable ${grantable.join('+')}` : ''})`;
      return sourceOp(
        label,
        (m) => targetExists(m, target),
        (r) =>
          lf(r).send(
            verb === 'Grant' ? new GrantPermissionsCommand(input) : new RevokePermissionsCommand(input),
          ),
      );
    });
}

type FilterShape = 'rows' | 'columns' | 'excluded';

function filterOf(d: string, t: string, name: string, shape: FilterShape, n: number): DataCellsFilter {
  const base = { TableCatalogId: ACCOUNT, DatabaseName: d, TableName: t, Name: name };
  if (shape === 'rows') return { ...base, RowFilter: { FilterExpression: `id > ${n}` }, ColumnNames: ['id'] };
  if (shape === 'columns')
    return { ...base, RowFilter: { AllRowsWildcard: {} }, ColumnNames: ['id', 'name'] };
  return {
    ...base,
    RowFilter: { FilterExpression: `id < ${n}` },
    ColumnWildcard: { ExcludedColumnNames: ['name'] },
  };
}

/** Grants, LF-Tags and their assignments, data cells filters and registered locations. */
export function permissionOps(): fc.Arbitrary<Op>[] {
  const filter = fc.record({
    d: db,
    t: table,
    name: fc.constantFrom('f1', 'f2'),
    shape: fc.constantFrom<FilterShape>('rows', 'columns', 'excluded'),
    n: fc.integer({ min: 1, max: 9 }),
  });
  const filterKey = (f: { d: string; t: string; name: string }) => `${f.d}.${f.t}.${f.name}`;
  return [
    permissionOp('Grant'),
    permissionOp('Revoke'),
    fc.tuple(tagKey, tagValues).map(([key, values]) =>
      sourceOp(
        `CreateLFTag(${key}=${values.join('|')})`,
        (m) => !m.tags.has(key),
        (r) => lf(r).send(new CreateLFTagCommand({ TagKey: key, TagValues: values })),
        (m) => m.tags.set(key, new Set(values)),
      ),
    ),
    fc.tuple(tagKey, tagValues).map(([key, values]) =>
      sourceOp(
        `AddTagValues(${key}+${values.join('|')})`,
        (m) => m.tags.has(key),
        (r) => lf(r).send(new UpdateLFTagCommand({ TagKey: key, TagValuesToAdd: values })),
        (m) => {
          for (const v of values) m.tags.get(key)?.add(v);
        },
      ),
    ),
    fc.tuple(tagKey, tagValues).map(([key, values]) =>
      sourceOp(
        `RemoveTagValues(${key}-${values.join('|')})`,
        (m) => [...(m.tags.get(key) ?? [])].some((v) => !values.includes(v)),
        (r) => lf(r).send(new UpdateLFTagCommand({ TagKey: key, TagValuesToDelete: values })),
        (m) => {
          for (const v of values) m.tags.get(key)?.delete(v);
        },
      ),
    ),
    ...(['Assign', 'Unassign'] as const).map((verb) =>
      fc.tuple(tagTarget, tagKey, tagValue).map(([target, key, value]) => {
        const input = { Resource: resourceOf(target), LFTags: [{ TagKey: key, TagValues: [value] }] };
        return sourceOp(
          `${verb}Tag(${describeTarget(target)}, ${key}=${value})`,
          (m) => targetExists(m, target) && (m.tags.get(key)?.has(value) ?? false),
          async (r) => {
            const answer = await lf(r).send(
              verb === 'Assign'
                ? new AddLFTagsToResourceCommand(input)
                : new RemoveLFTagsFromResourceCommand(input),
            );
            if (answer.Failures?.length)
              r.rejected.push(`${verb}Tag: ${answer.Failures[0]?.Error?.ErrorCode}`);
          },
        );
      }),
    ),
    filter.map((f) =>
      sourceOp(
        `CreateFilter(${filterKey(f)}, ${f.shape}${f.n})`,
        (m) => tableOf(m, f.d, f.t) !== undefined && !m.filters.has(filterKey(f)),
        (r) =>
          lf(r).send(
            new CreateDataCellsFilterCommand({ TableData: filterOf(f.d, f.t, f.name, f.shape, f.n) }),
          ),
        (m) => m.filters.add(filterKey(f)),
      ),
    ),
    filter.map((f) =>
      sourceOp(
        `UpdateFilter(${filterKey(f)}, ${f.shape}${f.n})`,
        (m) => m.filters.has(filterKey(f)),
        (r) =>
          lf(r).send(
            new UpdateDataCellsFilterCommand({ TableData: filterOf(f.d, f.t, f.name, f.shape, f.n) }),
          ),
      ),
    ),
    filter.map((f) =>
      sourceOp(
        `DeleteFilter(${filterKey(f)})`,
        (m) => m.filters.has(filterKey(f)),
        (r) =>
          lf(r).send(
            new DeleteDataCellsFilterCommand({
              TableCatalogId: ACCOUNT,
              DatabaseName: f.d,
              TableName: f.t,
              Name: f.name,
            }),
          ),
        (m) => m.filters.delete(filterKey(f)),
      ),
    ),
    fc.tuple(path, fc.boolean()).map(([p, linked]) =>
      sourceOp(
        `RegisterLocation(${p}, ${linked ? 'service-linked' : 'etl role'})`,
        (m) => !m.locations.has(p),
        (r) =>
          lf(r).send(
            new RegisterResourceCommand({
              ResourceArn: locationArn(p),
              ...(linked ? { UseServiceLinkedRole: true } : { RoleArn: roleArn('etl') }),
            }),
          ),
        (m) => m.locations.add(p),
      ),
    ),
    path.map((p) =>
      sourceOp(
        `DeregisterLocation(${p})`,
        (m) => m.locations.has(p),
        (r) => lf(r).send(new DeregisterResourceCommand({ ResourceArn: locationArn(p) })),
        (m) => m.locations.delete(p),
      ),
    ),
  ];
}

export type { LakeModel };
