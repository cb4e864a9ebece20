import type { RegionSide } from '../../engine/regionSide.ts';
import { tableKey } from '../../model/keys.ts';
import type { PartitionRecord, SnapshotRecord } from '../../model/records.ts';
import type { Action } from '../../plan/actions.ts';
import { createCatalogFilter, isCatalogPathSelected } from '../../plan/filters.ts';
import { type PlanOptions, plan, planPartitions } from '../../plan/plan.ts';
import {
  type PartitionScope,
  type RecordScope,
  readPartitions,
  readScope,
  targetScope,
} from './readScope.ts';

/**
 * The source side of one reconcile, read once for every target. A partition scope whose table is gone
 * from the source becomes a table scope: the table's own reconcile (a delete) is what is left to do.
 */
export type SourceState =
  | { kind: 'records'; scope: RecordScope; records: SnapshotRecord[] }
  | {
      kind: 'partitions';
      scope: PartitionScope;
      partitions: PartitionRecord[];
      table: () => Promise<SnapshotRecord[]>;
    };

export async function readSource(
  source: RegionSide,
  scope: RecordScope | PartitionScope,
): Promise<SourceState> {
  if (scope.kind !== 'partitions') return { kind: 'records', scope, records: await readScope(source, scope) };
  const tableScope: RecordScope = { kind: 'table', database: scope.database, table: scope.table };
  const partitions = await readPartitions(source, scope);
  if (!partitions) return { kind: 'records', scope: tableScope, records: [] };
  let table: Promise<SnapshotRecord[]> | undefined;
  return {
    kind: 'partitions',
    scope,
    partitions,
    table: () => {
      table ??= readScope(source, tableScope);
      return table;
    },
  };
}

/** One target's plan for one reconcile, and what the circuit breaker needs to know about it. */
export interface TargetUnitPlan {
  actions: Action[];
  /** Objects the target holds in this scope, partitions one by one. */
  known: number;
  /** Tables a planned database delete removes with it (Glue deletes them in cascade). */
  cascade: number;
  /** Of `known`, the databases and tables (the breaker counts those for the whole target apart). */
  catalogKnown: number;
}

/**
 * Reads the scope in the target and plans it with the on-demand planner. Partitions of a table the target
 * lacks are planned together with the table's create, so a lost or failed CreateTable does not leave the
 * partitions failing forever.
 */
export async function planTarget(
  target: RegionSide,
  source: SourceState,
  options: PlanOptions,
): Promise<TargetUnitPlan> {
  if (source.kind === 'records') {
    if (!inSelectedCatalog(source.scope, options))
      return { actions: [], known: 0, cascade: 0, catalogKnown: 0 };
    const current = await readScope(target, targetScope(source.scope, options.s3Mapping));
    const actions = plan(source.records, current, options);
    const cascade = await cascadeOf(target, actions);
    const catalogKnown = current.filter((r) => r.kind === 'database' || r.kind === 'table').length;
    return { actions, known: current.length + cascade, cascade, catalogKnown: catalogKnown + cascade };
  }
  const { database, table } = source.scope;
  const key = tableKey(database, table);
  const current = await readPartitions(target, source.scope);
  if (current) {
    const actions = planPartitions(key, source.partitions, current, options);
    return { actions, known: current.length, cascade: 0, catalogKnown: 0 };
  }
  const sourceTable = await source.table();
  if (sourceTable.length === 0) return { actions: [], known: 0, cascade: 0, catalogKnown: 0 };
  const actions = [...plan(sourceTable, [], options), ...planPartitions(key, source.partitions, [], options)];
  return { actions, known: 0, cascade: 0, catalogKnown: 0 };
}

/**
 * A catalog's reconcile only while `source.catalogs` selects it (the collector staged it when it did; the
 * config may have changed since): otherwise both sides' catalogs are left alone, as sync leaves them.
 */
function inSelectedCatalog(scope: RecordScope, options: PlanOptions): boolean {
  return (
    scope.kind !== 'glueCatalog' || isCatalogPathSelected(createCatalogFilter(options.filter), scope.path)
  );
}

/** Tables that go with the databases this plan deletes: one GetTables per deleted database. */
async function cascadeOf(target: RegionSide, actions: readonly Action[]): Promise<number> {
  let tables = 0;
  for (const action of actions) {
    if (action.kind !== 'database' || action.op !== 'delete') continue;
    tables += (await target.glueReader.listTables(action.current!.input.Name)).length;
  }
  return tables;
}
