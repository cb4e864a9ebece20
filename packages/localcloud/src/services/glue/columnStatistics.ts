import { entityNotFound, type OperationSpec, type RequestContext, required } from '../../service.ts';
import { catalogOf, requireTable } from './catalog.ts';
import { partitionKey } from './partitionStore.ts';
import type { StoredTable } from './state.ts';

type Input = Record<string, any>;
type ColumnStatistics = Record<string, any>;

/*
 * Column statistics of tables and partitions (glue-2017-03-31: GetColumnStatisticsFor{Table,Partition} takes up
 * to 100 column names, UpdateColumnStatisticsFor{Table,Partition} up to 25 statistics; both checked by the request
 * constraints). A column the table lacks, or without statistics on Get, is a per-column error, not a failed call.
 */

function tableOf(input: Input, ctx: RequestContext): StoredTable {
  catalogOf(input, ctx);
  return requireTable(ctx, required(input, 'DatabaseName'), required(input, 'TableName'));
}

/** The statistics map of the table, or of the partition the request names (which must exist). */
function statisticsOf(stored: StoredTable, input: Input, create: boolean): Record<string, ColumnStatistics> {
  if (!('PartitionValues' in input)) {
    if (create) stored.statistics ??= {};
    return stored.statistics ?? {};
  }
  const key = partitionKey(required<string[]>(input, 'PartitionValues'));
  if (!stored.partitions[key]) throw entityNotFound('Cannot find partition.');
  stored.partitionStatistics ??= {};
  if (create) stored.partitionStatistics[key] ??= {};
  return stored.partitionStatistics[key] ?? {};
}

function columnNames(stored: StoredTable): Set<string> {
  const columns = (stored.table.StorageDescriptor?.Columns ?? []) as Array<{ Name: string }>;
  return new Set(columns.map((c) => c.Name.toLowerCase()));
}

const columnError = (ColumnName: string, message: string) => ({
  ColumnName,
  Error: { ErrorCode: 'EntityNotFoundException', ErrorMessage: message },
});

function getStatistics(input: Input, ctx: RequestContext): object {
  const stored = tableOf(input, ctx);
  const names = required<string[]>(input, 'ColumnNames');
  const statistics = statisticsOf(stored, input, false);
  const found: ColumnStatistics[] = [];
  const errors: object[] = [];
  for (const name of names) {
    const stats = statistics[name.toLowerCase()];
    if (stats) found.push(stats);
    else errors.push(columnError(name, `Column statistics of ${name} not found.`));
  }
  return { ColumnStatisticsList: found, Errors: errors };
}

function updateStatistics(input: Input, ctx: RequestContext): object {
  const stored = tableOf(input, ctx);
  const list = required<ColumnStatistics[]>(input, 'ColumnStatisticsList');
  const statistics = statisticsOf(stored, input, true);
  const columns = columnNames(stored);
  const errors: object[] = [];
  for (const stats of list) {
    const name = String(stats.ColumnName ?? '').toLowerCase();
    if (!columns.has(name)) {
      errors.push({ ColumnStatistics: stats, Error: columnError(name, `Column ${name} not found.`).Error });
      continue;
    }
    statistics[name] = { ...stats, ColumnName: name };
  }
  return { Errors: errors };
}

function deleteStatistics(input: Input, ctx: RequestContext): object {
  const stored = tableOf(input, ctx);
  const name = required<string>(input, 'ColumnName').toLowerCase();
  const statistics = statisticsOf(stored, input, false);
  if (!statistics[name]) throw entityNotFound(`Column statistics of ${name} not found.`);
  delete statistics[name];
  return {};
}

export const columnStatisticsOperations: Record<string, OperationSpec> = {
  GetColumnStatisticsForTable: { readOnly: true, handler: getStatistics },
  UpdateColumnStatisticsForTable: { readOnly: false, handler: updateStatistics },
  DeleteColumnStatisticsForTable: { readOnly: false, handler: deleteStatistics },
  GetColumnStatisticsForPartition: { readOnly: true, handler: getStatistics },
  UpdateColumnStatisticsForPartition: { readOnly: false, handler: updateStatistics },
  DeleteColumnStatisticsForPartition: { readOnly: false, handler: deleteStatistics },
};
