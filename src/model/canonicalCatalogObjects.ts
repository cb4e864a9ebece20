import type { ColumnStatistics, PartitionIndexDescriptor, UserDefinedFunction } from '@aws-sdk/client-glue';
import { z } from 'zod';
import {
  type ColumnStatisticsShape,
  columnStatisticsSchema,
  functionInputSchema,
} from './catalogExtraShapes.ts';
import { LakemirrorError } from './errors.ts';
import { compareKeys } from './keys.ts';
import { pruneEmpty } from './prune.ts';
import type { ColumnStatisticsRecord, FunctionRecord, PartitionIndexRecord } from './records.ts';

/*
 * Canonical forms of partition indexes, user-defined functions and column statistics as Glue answers them:
 * server-managed fields dropped (IndexStatus, BackfillErrors, CreateTime, CatalogId, DatabaseName inside the
 * function), names lowercased as Glue stores them, Dates as ISO strings and blobs as base64.
 */

/** Index states that describe an index that is, or is about to be, there; DELETING and FAILED ones are not. */
const LIVE_INDEX = new Set(['CREATING', 'ACTIVE', undefined]);

/** A partition index from GetPartitionIndexes; `undefined` for one being deleted or that failed to build. */
export function canonicalPartitionIndex(
  databaseName: string,
  tableName: string,
  descriptor: PartitionIndexDescriptor,
): PartitionIndexRecord | undefined {
  if (!LIVE_INDEX.has(descriptor.IndexStatus) || !descriptor.IndexName) return undefined;
  return {
    kind: 'partitionIndex',
    databaseName: databaseName.toLowerCase(),
    tableName: tableName.toLowerCase(),
    index: { IndexName: descriptor.IndexName, Keys: (descriptor.Keys ?? []).map((k) => k.Name ?? '') },
  };
}

/** A function from GetUserDefinedFunction(s); the ResourceUris keep their order (a class path's order). */
export function canonicalFunction(fn: UserDefinedFunction): FunctionRecord {
  const object = `function ${fn.DatabaseName}.${fn.FunctionName}`;
  const input = parse(functionInputSchema, fn, object);
  input.FunctionName = input.FunctionName.toLowerCase();
  return {
    kind: 'function',
    databaseName: (fn.DatabaseName ?? '').toLowerCase(),
    input: pruneEmpty(input),
  };
}

/** The statistics of a table (or partition) as one record, sorted by column; `undefined` when there are none. */
export function canonicalColumnStatistics(
  owner: { databaseName: string; tableName: string; partitionValues?: string[] },
  list: readonly ColumnStatistics[],
): ColumnStatisticsRecord | undefined {
  if (list.length === 0) return undefined;
  const object = `column statistics of ${owner.databaseName}.${owner.tableName}`;
  const columns = list
    .map((stats) => parse(columnStatisticsSchema, plainJson(stats), object))
    .map((stats) => ({ ...stats, ColumnName: stats.ColumnName.toLowerCase() }))
    .sort((a, b) => compareKeys(a.ColumnName, b.ColumnName));
  return {
    kind: 'columnStatistics',
    databaseName: owner.databaseName.toLowerCase(),
    tableName: owner.tableName.toLowerCase(),
    ...(owner.partitionValues ? { partitionValues: owner.partitionValues } : {}),
    columns,
  };
}

/** The SDK's ColumnStatistics for a record's column: ISO strings back to Dates, base64 back to bytes. */
export function columnStatisticsInput(stats: ColumnStatisticsShape): ColumnStatistics {
  const data = stats.StatisticsData;
  const date = data.DateColumnStatisticsData;
  const decimal = data.DecimalColumnStatisticsData;
  const bytes = (value?: { UnscaledValue: string; Scale: number }) =>
    value && { Scale: value.Scale, UnscaledValue: Buffer.from(value.UnscaledValue, 'base64') };
  const when = (value?: string) => (value === undefined ? undefined : new Date(value));
  return {
    ColumnName: stats.ColumnName,
    ColumnType: stats.ColumnType,
    AnalyzedTime: new Date(stats.AnalyzedTime),
    StatisticsData: {
      ...data,
      ...(date
        ? {
            DateColumnStatisticsData: {
              ...date,
              MinimumValue: when(date.MinimumValue),
              MaximumValue: when(date.MaximumValue),
            },
          }
        : {}),
      ...(decimal
        ? {
            DecimalColumnStatisticsData: {
              ...decimal,
              MinimumValue: bytes(decimal.MinimumValue),
              MaximumValue: bytes(decimal.MaximumValue),
            },
          }
        : {}),
    },
  } as ColumnStatistics;
}

/** Dates to ISO strings and byte arrays to base64, recursively; `undefined` members dropped. */
function plainJson(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(plainJson);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = plainJson(item);
  return out;
}

function parse<S extends z.ZodType>(schema: S, raw: unknown, object: string): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw new LakemirrorError({
    code: 'model.invalidObject',
    source: 'aws',
    object,
    message: `Glue returned ${object} in a shape lakemirror cannot replicate: ${z.prettifyError(result.error).replace(/\n\s*/g, ' ')}`,
    fix: 'Check the object in the Glue console and repair it, or exclude its database or table with filters.',
    cause: result.error,
  });
}
