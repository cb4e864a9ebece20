import type { TableOptimizerConfiguration, UserDefinedFunctionInput } from '@aws-sdk/client-glue';
import { journaled, type WriteCall } from '../../audit/writeJournal.ts';
import { chunk } from '../../aws/chunk.ts';
import { STATISTICS_LIMITS, type StatisticsOwner } from '../../aws/glueColumnStatistics.ts';
import { columnStatisticsInput } from '../../model/canonical.ts';
import { LakemirrorError } from '../../model/errors.ts';
import type { ColumnStatisticsRecord } from '../../model/records.ts';
import { stableEqual } from '../../model/stableStringify.ts';
import type { Action, ActionOf } from '../../plan/actions.ts';
import type { RegionSide } from '../regionSide.ts';
import { type ActionResult, attempt } from './actionResult.ts';
import { singleWrite } from './writeCalls.ts';

/** The kinds this file applies: the catalog's newer objects and catalogs themselves, all through Glue. */
export type CatalogObjectKind =
  | 'partitionIndex'
  | 'function'
  | 'columnStatistics'
  | 'catalog'
  | 'tableOptimizer';

const CATALOG_OBJECT_KINDS = new Set([
  'partitionIndex',
  'function',
  'columnStatistics',
  'catalog',
  'tableOptimizer',
]);

export function isCatalogObjectKind(kind: string): kind is CatalogObjectKind {
  return CATALOG_OBJECT_KINDS.has(kind);
}

/** The UserDefinedFunctionInput sent for a function record: the canonical input (an allow-list already). */
export function functionRequest(action: ActionOf<'function'>): {
  database: string;
  input: UserDefinedFunctionInput;
} {
  const record = (action.desired ?? action.current)!;
  return { database: record.databaseName, input: record.input as UserDefinedFunctionInput };
}

/**
 * What a statistics action writes: the columns whose statistics are new or changed (25 a call) and the
 * columns whose statistics the source no longer has (one DeleteColumnStatistics call each).
 */
export function statisticsChanges(action: ActionOf<'columnStatistics'>): {
  owner: StatisticsOwner;
  write: ColumnStatisticsRecord['columns'];
  remove: string[];
} {
  const record = (action.desired ?? action.current)!;
  const owner: StatisticsOwner = {
    database: record.databaseName,
    table: record.tableName,
    ...(record.partitionValues ? { values: record.partitionValues } : {}),
  };
  const want = action.op === 'delete' ? [] : action.desired!.columns;
  const have = new Map((action.current?.columns ?? []).map((c) => [c.ColumnName, c]));
  const wanted = new Set(want.map((c) => c.ColumnName));
  return {
    owner,
    write: want.filter((c) => !stableEqual(c, have.get(c.ColumnName))),
    remove: [...have.keys()].filter((name) => !wanted.has(name)),
  };
}

/**
 * One statistics write call as the audit log names it: the table or partition variant of the operation,
 * since a statistics action makes one call per 25 columns written and one per column deleted.
 */
function statisticsCall(action: Action, owner: StatisticsOwner, verb: 'Update' | 'Delete'): WriteCall {
  return {
    ...singleWrite(action),
    operation: `${verb}ColumnStatisticsFor${owner.values ? 'Partition' : 'Table'}`,
  };
}

/**
 * Applies one partition index, function or column statistics action through the Glue adapters, each write
 * call under the target's write journal (its intent durable before the call goes out).
 */
export async function applyCatalogObjectAction(target: RegionSide, action: Action): Promise<ActionResult> {
  const { partitionIndexes, functions, columnStatistics, tableOptimizers } = target.glueObjects;
  const journal = (write: () => Promise<unknown>, call: WriteCall = singleWrite(action)) =>
    journaled(target, call, write);
  switch (action.kind) {
    case 'partitionIndex': {
      const { databaseName, tableName, index } = (action.desired ?? action.current)!;
      return attempt('partitionIndex', action.key, action.op, () =>
        journal(async () => {
          // An index cannot be changed in place: an update drops it and builds it again.
          if (action.op !== 'create') await partitionIndexes.delete(databaseName, tableName, index.IndexName);
          if (action.op !== 'delete')
            await partitionIndexes.create(databaseName, tableName, action.desired!.index);
        }),
      );
    }
    case 'function': {
      const { database, input } = functionRequest(action);
      return attempt('function', action.key, action.op, () =>
        journal(() =>
          action.op === 'create'
            ? functions.create(database, input)
            : action.op === 'update'
              ? functions.update(database, input)
              : functions.delete(database, input.FunctionName!),
        ),
      );
    }
    case 'columnStatistics': {
      const { owner, write, remove } = statisticsChanges(action);
      return attempt('columnStatistics', action.key, action.op, async () => {
        for (const batch of chunk(write, STATISTICS_LIMITS.updateColumns)) {
          const call = statisticsCall(action, owner, 'Update');
          await journal(() => columnStatistics.update(owner, batch.map(columnStatisticsInput)), call);
        }
        for (const column of remove) {
          const call = statisticsCall(action, owner, 'Delete');
          await journal(() => columnStatistics.delete(owner, column), call);
        }
      });
    }
    case 'tableOptimizer': {
      const { databaseName, tableName, type } = (action.desired ?? action.current)!;
      const entry = { database: databaseName, table: tableName, type };
      const configuration = action.desired?.configuration as TableOptimizerConfiguration;
      return attempt('tableOptimizer', action.key, action.op, () =>
        journal(() =>
          action.op === 'create'
            ? tableOptimizers.create(entry, configuration)
            : action.op === 'update'
              ? tableOptimizers.update(entry, configuration)
              : tableOptimizers.delete(entry),
        ),
      );
    }
    default:
      throw new LakemirrorError({
        code: 'internal.unknownKind',
        source: 'internal',
        message: `applyCatalogObjectAction cannot apply ${action.kind} ${action.key}`,
      });
  }
}
